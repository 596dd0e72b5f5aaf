using System.Buffers;
using System.Text.Unicode;

namespace MicroCredentials.VC.Rdf;

/// <summary>
/// A growable UTF-8 byte buffer backed by <see cref="ArrayPool{T}"/>. Offsets stay valid when it grows; spans do
/// not. Used by the N-Quads writer and RDFC-1.0 so that serialization and hashing allocate almost nothing.
/// </summary>
internal sealed class ByteBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer;
    private int _length;

    public ByteBuffer(int initialCapacity = 1024) => _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 16));

    public int Length => _length;

    public byte[] RawBuffer => _buffer;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public ReadOnlySpan<byte> Slice(int start, int length) => _buffer.AsSpan(start, length);

    public void Clear() => _length = 0;

    /// <summary>Drops everything written after <paramref name="length"/>.</summary>
    public void Truncate(int length) => _length = length;

    public void Add(byte value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public void Add(ReadOnlySpan<byte> bytes)
    {
        if (_buffer.Length - _length < bytes.Length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Appends a copy of bytes already in this buffer.</summary>
    public void AddOwn(int start, int length)
    {
        if (_buffer.Length - _length < length)
        {
            Grow(length);
        }

        Buffer.BlockCopy(_buffer, start, _buffer, _length, length);
        _length += length;
    }

    /// <summary>Appends UTF-16 text as UTF-8; unpaired surrogates become U+FFFD.</summary>
    public void AddUtf16(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        // Worst case: 3 bytes per UTF-16 code unit.
        var max = checked(text.Length * 3);
        if (_buffer.Length - _length < max)
        {
            Grow(max);
        }

        Utf8.FromUtf16(text, _buffer.AsSpan(_length), out _, out var written, replaceInvalidSequences: true);
        _length += written;
    }

    /// <summary>Appends a non-negative integer in decimal.</summary>
    public void AddDecimal(int value)
    {
        var span = GetSpan(11);
        value.TryFormat(span, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        _length += written;
    }

    public void Advance(int count) => _length = checked(_length + count);

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_length);
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Ensure(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer.Length - _length < sizeHint)
        {
            Grow(sizeHint);
        }
    }

    private void Grow(int needed)
    {
        var size = Math.Max(checked(_length + needed), checked(_buffer.Length * 2));
        var next = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, _length).CopyTo(next);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = next;
    }
}
