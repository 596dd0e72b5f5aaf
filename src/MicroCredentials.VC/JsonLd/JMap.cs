using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace MicroCredentials.VC.JsonLd;

/// <summary>
/// A small insertion-ordered string-keyed map for the internal expanded form. Expanded maps have few entries whose
/// keys are long IRIs, so a linear scan over two arrays beats hashing; past <see cref="IndexThreshold"/> entries a
/// hash index is built so large maps stay linear-time.
/// </summary>
internal sealed class JMap : IEnumerable<KeyValuePair<string, object>>
{
    private const int IndexThreshold = 12;
    private string[] keys;
    private object[] values;
    private int count;
    private Dictionary<string, int>? index;

    public JMap()
        : this(4)
    {
    }

    public JMap(int capacity)
    {
        capacity = Math.Max(capacity, 1);
        keys = new string[capacity];
        values = new object[capacity];
    }

    public int Count => count;

    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < count; i++)
            {
                yield return keys[i];
            }
        }
    }

    public object this[string key]
    {
        get => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);
        set
        {
            var i = IndexOf(key);
            if (i >= 0)
            {
                values[i] = value;
            }
            else
            {
                Append(key, value);
            }
        }
    }

    /// <summary>The key at <paramref name="i"/> (insertion order).</summary>
    public string KeyAt(int i) => keys[i];

    /// <summary>The value at <paramref name="i"/> (insertion order).</summary>
    public object ValueAt(int i) => values[i];

    public void Add(string key, object value)
    {
        if (IndexOf(key) >= 0)
        {
            throw new ArgumentException("Duplicate key " + key, nameof(key));
        }

        Append(key, value);
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value)
    {
        var i = IndexOf(key);
        if (i >= 0)
        {
            value = values[i];
            return true;
        }

        value = null;
        return false;
    }

    public bool Remove(string key)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            return false;
        }

        Array.Copy(keys, i + 1, keys, i, count - i - 1);
        Array.Copy(values, i + 1, values, i, count - i - 1);
        count--;
        keys[count] = null!;
        values[count] = null!;
        index = null;
        if (count > IndexThreshold)
        {
            BuildIndex();
        }

        return true;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, object>> IEnumerable<KeyValuePair<string, object>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        if (index is not null)
        {
            return index.TryGetValue(key, out var i) ? i : -1;
        }

        var k = keys;
        for (var i = 0; i < count; i++)
        {
            var candidate = k[i];
            if (ReferenceEquals(candidate, key) || (candidate.Length == key.Length && string.Equals(candidate, key, StringComparison.Ordinal)))
            {
                return i;
            }
        }

        return -1;
    }

    private void Append(string key, object value)
    {
        if (count == keys.Length)
        {
            var n = count * 2;
            Array.Resize(ref keys, n);
            Array.Resize(ref values, n);
        }

        keys[count] = key;
        values[count] = value;
        count++;
        if (index is not null)
        {
            index[key] = count - 1;
        }
        else if (count > IndexThreshold)
        {
            BuildIndex();
        }
    }

    private void BuildIndex()
    {
        index = new Dictionary<string, int>(count * 2, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            index[keys[i]] = i;
        }
    }

    /// <summary>Allocation-free enumerator.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, object>>
    {
        private readonly JMap map;
        private int i;

        public Enumerator(JMap map)
        {
            this.map = map;
            i = -1;
        }

        public readonly KeyValuePair<string, object> Current => new(map.keys[i], map.values[i]);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++i < map.count;

        public void Reset() => i = -1;

        public readonly void Dispose()
        {
        }
    }
}
