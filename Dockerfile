# syntax=docker/dockerfile:1
# Yizhan API. Build: docker build -t yizhan .
# Run on the embedded database (data kept in the /app/.data volume):
#   docker run -p 4000:4000 -v yizhan-data:/app/.data yizhan
# Run on a real PostgreSQL (apply migrations first, e.g. with MIGRATE_ON_START=true once):
#   docker run -p 4000:4000 -e DATABASE_URL=postgres://… -e CORS_ORIGINS=https://admin.example.cn yizhan
# The first embedded start prints an ADMIN API key once (docker logs). Manage API clients with
#   docker exec <container> node dist/src/scripts/client.js create --name … --roles …
# (against DATABASE_URL; the embedded data folder cannot be opened by a second process while the server runs).

# ---- build: compile TypeScript, build the seeded image, then drop the dev dependencies ---------
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Prebuilt seeded images live here, outside the /app/.data volume (see src/db/seeded-image.ts).
ENV EMBEDDED_IMAGE_DIR=/app/images
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` (build + seeded image) needs the sources, copied below; it is run as its two steps there.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig*.json ./
COPY src ./src
COPY seeds ./seeds
# tsconfig.build.json: rootDir "." → src/server.ts becomes dist/src/server.js, seeds/*.ts dist/seeds/*.js.
# Then the seeded image a new embedded database starts as a copy of: PGlite in memory, migrated and
# seeded once here, so a container's first start takes seconds, not the whole seed.
RUN npm run build \
  && node dist/src/scripts/build-seeded-image.js \
  && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# ---- runtime ---------------------------------------------------------------------------------
FROM node:20-bookworm-slim
ENV NODE_ENV=production
ENV EMBEDDED_IMAGE_DIR=/app/images
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Read-only for the server: its key names the very dist/ and seeds/data it was built from.
COPY --from=build /app/images ./images
# The seed reads its CSVs at runtime from dist/seeds/data or, as here, <dist>/../seeds/data.
COPY --from=build /app/seeds/data ./seeds/data
# The embedded database lives in /app/.data/pglite (EMBEDDED_DATA_DIR's default under WORKDIR);
# create it owned by the unprivileged user before declaring the volume, so a new volume inherits that.
RUN mkdir -p /app/.data && chown node:node /app/.data
VOLUME ["/app/.data"]
USER node
EXPOSE 4000
# slim has no curl: ask node itself. The first embedded start copies the seeded image (seconds); were
# the image missing, it would run the migrations and the whole demo seed (up to a minute on a small machine).
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
# node directly, not npm: npm does not forward SIGTERM to the server.
CMD ["node", "dist/src/server.js"]
