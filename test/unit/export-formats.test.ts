import { PassThrough } from 'node:stream';
import { cellOf, csvField, exportWriter } from '../../src/modules/export/export.formats';
import { contentDisposition } from '../../src/modules/export/export.router';
import { EXPORT_LISTS } from '../../src/modules/export/export.lists';

describe('CSV fields (RFC 4180, formula injection)', () => {
  it.each([
    [null, ''],
    ['襄阳市', '襄阳市'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=1+1', "'=1+1"],
    ['+86 138', "'+86 138"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    [-2, '-2'],
    [112.14, '112.14'],
    [true, 'true'],
  ] as const)('%j → %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('cells', () => {
  const column = (path: string) => ({ header: path, path: path.split('.') });
  it('follows nested paths, null when a step is null, lists joined', () => {
    const node = { region: { code: '420606', name: '樊城区' }, hub: null, materials: ['身份证', '户口簿'] };
    expect(cellOf(node, column('region.name'))).toBe('樊城区');
    expect(cellOf(node, column('hub.code'))).toBeNull();
    expect(cellOf(node, column('materials'))).toBe('身份证；户口簿');
  });
});

describe('CSV writer', () => {
  it('starts with a byte order mark and the header row, and ends lines with CRLF', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = exportWriter('csv', stream, [{ header: '名称 Name', path: ['name'] }], '驿站');
    await writer.page([{ name: '安居' }, { name: '=x' }]);
    await writer.end();
    expect(Buffer.concat(chunks).toString('utf8')).toBe("\uFEFF名称 Name\r\n安居\r\n'=x\r\n");
  });
});

describe('Content-Disposition', () => {
  it('names the file in ASCII and, per RFC 5987, in Chinese', () => {
    expect(contentDisposition(EXPORT_LISTS.needs, 'csv', '20261201')).toBe(
      `attachment; filename="needs-20261201.csv"; filename*=UTF-8''%E7%BE%A4%E4%BC%97%E9%9C%80%E6%B1%82-20261201.csv`,
    );
  });
});
