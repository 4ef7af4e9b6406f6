# syntax=docker/dockerfile:1
# Yizhan API. Build: docker build -t yizhan .
# Run on the embedded database (data kept in the /app/.data volume):
#   docker run -p 4000:4000 -v yizhan-data:/app/.data yizhan
# Run on a real PostgreSQL (apply migrations first, e.g. with MIGRATE_ON_START=true once):
#   docker run -p 4000:4000 -e DATABASE_URL=postgres://… -e CORS_ORIGINS=https://admin.example.cn yizhan
# The first embedded start prints an ADMIN API key once (docker logs). Manage API clients with
#   docker exec <container> node dist/src/scripts/client.js create --name … --roles …
# (against DATABASE_URL; the embedded data folder cannot be opened by a second process while the server runs).

# ---- build: compile TypeScript, then drop the dev dependencies -----------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig*.json ./
COPY src ./src
COPY seeds ./seeds
# tsconfig.build.json: rootDir "." → src/server.ts becomes dist/src/server.js, seeds/*.ts dist/seeds/*.js
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# ---- runtime ---------------------------------------------------------------------------------
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The seed reads its CSVs at runtime from dist/seeds/data or, as here, <dist>/../seeds/data.
COPY --from=build /app/seeds/data ./seeds/data
# The embedded database lives in /app/.data/pglite (EMBEDDED_DATA_DIR's default under WORKDIR);
# create it owned by the unprivileged user before declaring the volume, so a new volume inherits that.
RUN mkdir -p /app/.data && chown node:node /app/.data
VOLUME ["/app/.data"]
USER node
EXPOSE 4000
# slim has no curl: ask node itself. The first embedded start (migrations + the whole demo seed) takes
# up to a minute on a small machine.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
# node directly, not npm: npm does not forward SIGTERM to the server.
CMD ["node", "dist/src/server.js"]
