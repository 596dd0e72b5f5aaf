using System.Globalization;
using System.Text;

namespace MicroCredentials.VC.Cli;

/// <summary>A CSV export's bytes are not text in its encoding.</summary>
internal sealed class InvalidTextException(TextPosition at, string encoding)
    : Exception(encoding == CsvInput.Utf8Name ? StrictText.NotUtf8(at) : $"a byte that is not a character in {encoding} at {at}.")
{
    public TextPosition At { get; } = at;
}

/// <summary>
/// The one reader of CSV exports (<c>mcred batch</c>): the file's bytes checked as text in the declared encoding (strict
/// UTF-8 by default, see <see cref="StrictText"/>), and every line over <see cref="MaxLineBytes"/> cut at the limit and
/// noted in <see cref="OversizedLines"/>, so that the CSV reader never meets one record too large to read on from and
/// the row is reported by its line like any other bad row.
/// </summary>
internal sealed class CsvInput : Stream
{
    public const string Utf8Name = "UTF-8";

    /// <summary>The largest line (one record: a quoted field cannot span lines), in bytes of the file.</summary>
    public const int MaxLineBytes = 1024 * 1024;

    private readonly Stream _inner;
    private readonly TextValidator _validator;
    private readonly string _encodingName;
    private readonly int _maxLineBytes;
    private long _line = 1;
    private long _lineBytes;
    private bool _finished;

    private CsvInput(Stream inner, CsvEncoding encoding, int maxLineBytes)
    {
        _inner = inner;
        _validator = encoding.CreateValidator();
        _encodingName = encoding.Name;
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>The 1-based lines that were longer than the limit (cut there).</summary>
    public HashSet<long> OversizedLines { get; } = [];

    /// <summary>Opens a CSV export.</summary>
    public static CsvInput Open(string path, CsvEncoding encoding, int maxLineBytes = MaxLineBytes) =>
        new(File.OpenRead(path), encoding, maxLineBytes);

    /// <summary>Reads the whole export once, so that text in the wrong encoding stops the run before anything is issued.</summary>
    public static void Check(string path, CsvEncoding encoding)
    {
        using var input = Open(path, encoding);
        input.CopyTo(Null);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            var read = _inner.Read(buffer);
            var kept = Process(buffer[..read], read == 0);
            if (kept > 0 || read == 0)
            {
                return kept;
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            var kept = Process(buffer.Span[..read], read == 0);
            if (kept > 0 || read == 0)
            {
                return kept;
            }
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Checks the bytes just read and drops those past the limit of their line; returns how many are kept.</summary>
    private int Process(Span<byte> bytes, bool end)
    {
        if (end)
        {
            if (!_finished && !_validator.Finish())
            {
                throw new InvalidTextException(_validator.Error!.Value, _encodingName);
            }

            _finished = true;
            return 0;
        }

        if (!_validator.Feed(bytes))
        {
            throw new InvalidTextException(_validator.Error!.Value, _encodingName);
        }

        var kept = 0;
        foreach (var b in bytes)
        {
            if (b == (byte)'\n')
            {
                _line++;
                _lineBytes = 0;
            }
            else if (++_lineBytes > _maxLineBytes)
            {
                OversizedLines.Add(_line);
                continue;
            }

            bytes[kept++] = b;
        }

        return kept;
    }
}

/// <summary>The encoding of a CSV export (<c>mcred batch --encoding</c>): strict UTF-8, or a single-byte legacy encoding.</summary>
internal sealed class CsvEncoding
{
    private readonly bool[]? _undefined;

    private CsvEncoding(string name, Encoding? legacy, bool[]? undefined)
    {
        Name = name;
        Legacy = legacy;
        _undefined = undefined;
    }

    /// <summary>The default: strict UTF-8 (a byte-order mark is allowed).</summary>
    public static CsvEncoding Utf8 { get; } = new(CsvInput.Utf8Name, null, null);

    /// <summary>The name, as the messages give it.</summary>
    public string Name { get; }

    /// <summary>The legacy encoding to transcode from; null for UTF-8.</summary>
    public Encoding? Legacy { get; }

    /// <summary>
    /// The encoding of <paramref name="name"/>: <c>utf-8</c>, or a single-byte encoding that keeps ASCII as ASCII, such as
    /// <c>windows-1252</c> or <c>iso-8859-1</c> to <c>iso-8859-15</c> (code pages of System.Text.Encoding.CodePages).
    /// </summary>
    /// <exception cref="UsageException">An unknown name, or an encoding that is not of that kind.</exception>
    public static CsvEncoding Resolve(string name)
    {
        if (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return Utf8;
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            throw new UsageException($"--encoding: unknown encoding '{name}'; give utf-8 (the default), windows-1252, or one of iso-8859-1 to iso-8859-15.");
        }

        if (encoding is UTF8Encoding)
        {
            return Utf8;
        }

        var undefined = new bool[256];
        var ascii = encoding.IsSingleByte;
        for (var b = 0; ascii && b < 256; b++)
        {
            try
            {
                var text = encoding.GetString([(byte)b]);
                undefined[b] = text is not [var c] || c == '\uFFFD' || char.GetUnicodeCategory(c) == UnicodeCategory.PrivateUse; // how some code pages fill their gaps
                ascii = b >= 0x80 || text == ((char)b).ToString();
            }
            catch (DecoderFallbackException)
            {
                undefined[b] = true;
                ascii = b >= 0x80;
            }
        }

        return ascii
            ? new CsvEncoding(encoding.WebName, encoding, undefined)
            : throw new UsageException($"--encoding: '{name}' is not a single-byte encoding that keeps ASCII as it is; give utf-8 (the default), windows-1252, or one of iso-8859-1 to iso-8859-15.");
    }

    /// <summary>A checker of text in this encoding.</summary>
    public TextValidator CreateValidator() => _undefined is null ? TextValidator.ForUtf8() : TextValidator.ForSingleByte(_undefined);

    public override string ToString() => Name;
}
