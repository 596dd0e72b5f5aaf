using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace MicroCredentials.VC.Model;

/// <summary>
/// Text in one or more languages (a JSON-LD language map such as <c>{"en": "Data literacy", "fr": "Littératie des données"}</c>).
/// Immutable; the first entry is the primary language. Keys are BCP 47 language tags, compared case-insensitively.
/// </summary>
/// <remarks>In the model's JSON form a plain string means English (<see cref="DefaultLanguage"/>).</remarks>
public sealed class LocalizedText : IReadOnlyList<KeyValuePair<string, string>>, IEquatable<LocalizedText>
{
    /// <summary>The language a plain string is taken to be in: <c>en</c>.</summary>
    public const string DefaultLanguage = "en";

    private readonly KeyValuePair<string, string>[] _entries;

    private LocalizedText(KeyValuePair<string, string>[] entries) => _entries = entries;

    /// <summary>Text in one language.</summary>
    /// <param name="text">The text.</param>
    /// <param name="language">Its BCP 47 language tag; <c>en</c> by default.</param>
    /// <returns>The text.</returns>
    public static LocalizedText Of(string text, string language = DefaultLanguage)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        return new([new(language, text)]);
    }

    /// <summary>Text in several languages, the first being the primary one.</summary>
    /// <param name="entries">Language tag and text pairs; a language may appear once.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">No entries, an empty language tag, or a language given twice.</exception>
    public static LocalizedText Create(params IEnumerable<(string Language, string Text)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = new List<KeyValuePair<string, string>>();
        foreach (var (language, text) in entries)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(language, nameof(entries));
            ArgumentNullException.ThrowIfNull(text, nameof(entries));
            if (list.Exists(e => string.Equals(e.Key, language, StringComparison.OrdinalIgnoreCase)))
            {
                throw Error.Argument(nameof(entries), "The language '" + language + "' is given twice.");
            }

            list.Add(new(language, text));
        }

        if (list.Count == 0)
        {
            throw Error.Argument(nameof(entries), "At least one language is required.");
        }

        return new([.. list]);
    }

    /// <summary>The text in the primary (first) language.</summary>
    public string Value => _entries[0].Value;

    /// <summary>The primary (first) language.</summary>
    public string Language => _entries[0].Key;

    /// <summary>The languages present, primary first.</summary>
    public IEnumerable<string> Languages => _entries.Select(e => e.Key);

    /// <summary>The number of languages.</summary>
    public int Count => _entries.Length;

    /// <summary>The entry at <paramref name="index"/>.</summary>
    /// <param name="index">Zero-based index.</param>
    public KeyValuePair<string, string> this[int index] => _entries[index];

    /// <summary>The text in a language, if present.</summary>
    /// <param name="language">A BCP 47 language tag (case-insensitive).</param>
    /// <param name="text">The text.</param>
    /// <returns>Whether the language is present.</returns>
    public bool TryGet(string language, [NotNullWhen(true)] out string? text)
    {
        foreach (var e in _entries)
        {
            if (string.Equals(e.Key, language, StringComparison.OrdinalIgnoreCase))
            {
                text = e.Value;
                return true;
            }
        }

        text = null;
        return false;
    }

    /// <summary>The text in <paramref name="language"/> if present, else in the primary language.</summary>
    /// <param name="language">A BCP 47 language tag.</param>
    /// <returns>The best text.</returns>
    public string Get(string language) => TryGet(language, out var t) ? t : Value;

    /// <summary>Whether every entry has non-blank text.</summary>
    public bool IsBlank => _entries.All(e => string.IsNullOrWhiteSpace(e.Value));

    /// <summary>Text in English.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator LocalizedText(string text) => Of(text);

    /// <summary>Text in English (for languages without implicit conversions).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text.</returns>
    public static LocalizedText FromString(string text) => Of(text);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(LocalizedText? other) =>
        other is not null && _entries.Length == other._entries.Length &&
        _entries.Zip(other._entries).All(p => string.Equals(p.First.Key, p.Second.Key, StringComparison.OrdinalIgnoreCase) && p.First.Value == p.Second.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LocalizedText);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The primary-language text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value;
}
