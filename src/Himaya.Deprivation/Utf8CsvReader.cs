using System.Buffers;
using System.Text;

namespace Himaya.Deprivation;

/// <summary>
/// A forward-only RFC 4180 CSV reader over UTF-8 bytes: comma-separated, fields optionally in double quotes (a quote
/// doubled inside them), rows ended by LF or CRLF, line breaks allowed inside quotes. Fields come out as byte spans
/// valid until the next row, so reading allocates nothing per field.
/// </summary>
internal sealed class Utf8CsvReader(Stream stream)
{
    private static readonly SearchValues<byte> FieldEnd = SearchValues.Create(",\r\n"u8);
    private byte[] _buf = new byte[1 << 20];
    private int _pos, _end;
    private bool _eof;
    private byte[] _scratch = new byte[1024];
    private int _scratchLen;
    private int[] _starts = new int[32], _ends = new int[32];
    private bool[] _quoted = new bool[32];
    private int _nextLine = 1;

    public int FieldCount { get; private set; }

    /// <summary>The line the current row starts on (1 = the first line of the file).</summary>
    public int Line { get; private set; }

    public ReadOnlySpan<byte> Field(int i) => _quoted[i] ? _scratch.AsSpan(_starts[i], _ends[i] - _starts[i]) : _buf.AsSpan(_starts[i], _ends[i] - _starts[i]);

    public string FieldText(int i) => Encoding.UTF8.GetString(Field(i));

    public bool ReadRow()
    {
        while (true)
        {
            var result = TryParseRow();
            if (result is { } done) return done;
            // The row runs past the buffer: keep its start, read more, parse it again.
            var keep = _end - _pos;
            if (keep > _buf.Length / 2) Array.Resize(ref _buf, _buf.Length * 2);
            Buffer.BlockCopy(_buf, _pos, _buf, 0, keep);
            (_pos, _end) = (0, keep);
            while (_end < _buf.Length)
            {
                var read = stream.Read(_buf, _end, _buf.Length - _end);
                if (read == 0) { _eof = true; break; }
                _end += read;
            }
        }
    }

    /// <summary>True: a row was read; false: no more rows; null: more bytes are needed.</summary>
    private bool? TryParseRow()
    {
        // A UTF-8 byte-order mark is not part of the first field (it would hide a quote that opens it).
        if (_nextLine == 1 && _pos == 0 && _end >= 3 && _buf[0] == 0xEF && _buf[1] == 0xBB && _buf[2] == 0xBF) _pos = 3;
        var p = _pos;
        if (p == _end) return _eof ? false : null;
        FieldCount = 0;
        _scratchLen = 0;
        var newlines = 0;
        while (true)
        {
            if (FieldCount == _starts.Length)
            {
                Array.Resize(ref _starts, FieldCount * 2);
                Array.Resize(ref _ends, FieldCount * 2);
                Array.Resize(ref _quoted, FieldCount * 2);
            }
            int start, end;
            bool quoted;
            if (p < _end && _buf[p] == (byte)'"')
            {
                quoted = true;
                start = _scratchLen;
                p++;
                while (true)
                {
                    if (p >= _end) { if (_eof) break; return null; }
                    var b = _buf[p];
                    if (b == (byte)'"')
                    {
                        if (p + 1 >= _end && !_eof) return null;
                        if (p + 1 < _end && _buf[p + 1] == (byte)'"') { Append(b); p += 2; continue; }
                        p++;
                        break;
                    }
                    if (b == (byte)'\n') newlines++;
                    Append(b);
                    p++;
                }
                // Anything between the closing quote and the delimiter is kept as typed.
                var rest = _buf.AsSpan(p, _end - p).IndexOfAny(FieldEnd);
                if (rest < 0) { if (!_eof) return null; rest = _end - p; }
                foreach (var b in _buf.AsSpan(p, rest)) Append(b);
                p += rest;
                end = _scratchLen;
            }
            else
            {
                quoted = false;
                start = p;
                var len = _buf.AsSpan(p, _end - p).IndexOfAny(FieldEnd);
                if (len < 0) { if (!_eof) return null; len = _end - p; }
                p += len;
                end = p;
            }
            (_starts[FieldCount], _ends[FieldCount], _quoted[FieldCount]) = (start, end, quoted);
            FieldCount++;
            if (p >= _end)
            {
                if (!_eof) return null;
                break;
            }
            var delimiter = _buf[p];
            if (delimiter == (byte)',') { p++; continue; }
            if (delimiter == (byte)'\r')
            {
                if (p + 1 >= _end && !_eof) return null;
                p++;
                if (p < _end && _buf[p] == (byte)'\n') p++;
                break;
            }
            p++; // '\n'
            break;
        }
        _pos = p;
        Line = _nextLine;
        _nextLine += 1 + newlines;
        return true;
    }

    private void Append(byte b)
    {
        if (_scratchLen == _scratch.Length) Array.Resize(ref _scratch, _scratch.Length * 2);
        _scratch[_scratchLen++] = b;
    }
}
