using System.Buffers;

namespace MicroCredentials.VC.Canonicalization;

/// <summary>A cursor over an <see cref="IBufferWriter{T}"/> that asks it for memory in large blocks.</summary>
internal ref struct CanonicalOutput
{
    private const int BlockSize = 4096;
    private readonly IBufferWriter<byte> writer;
    private Span<byte> span;
    private int pos;

    internal CanonicalOutput(IBufferWriter<byte> writer)
    {
        this.writer = writer;
        span = default;
        pos = 0;
    }

    /// <summary>Returns at least <paramref name="size"/> writable bytes; call <see cref="Advance"/> after writing.</summary>
    internal Span<byte> Reserve(int size)
    {
        if (span.Length - pos < size)
        {
            Grow(size);
        }

        return span[pos..];
    }

    internal void Advance(int count) => pos += count;

    internal void WriteByte(byte value)
    {
        if (pos >= span.Length)
        {
            Grow(1);
        }

        span[pos++] = value;
    }

    internal void Write(ReadOnlySpan<byte> bytes)
    {
        if (span.Length - pos < bytes.Length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(span[pos..]);
        pos += bytes.Length;
    }

    /// <summary>Commits what was written to the underlying writer.</summary>
    internal void Flush()
    {
        if (pos > 0)
        {
            writer.Advance(pos);
        }

        pos = 0;
        span = default;
    }

    private void Grow(int size)
    {
        if (pos > 0)
        {
            writer.Advance(pos);
        }

        pos = 0;
        span = writer.GetSpan(Math.Max(size, BlockSize));
    }
}

/// <summary>An <see cref="IBufferWriter{T}"/> over arrays rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private byte[] buffer;
    private int written;

    internal PooledBufferWriter(int initialCapacity) => buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);

    internal ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, written);

    public void Advance(int count) => written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsMemory(written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsSpan(written);
    }

    public void Dispose()
    {
        var b = buffer;
        buffer = [];
        if (b.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(b);
        }
    }

    private void Ensure(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (buffer.Length - written >= sizeHint)
        {
            return;
        }

        var newSize = Math.Max(checked(written + sizeHint), checked(buffer.Length * 2));
        var next = ArrayPool<byte>.Shared.Rent(newSize);
        buffer.AsSpan(0, written).CopyTo(next);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = next;
    }
}
