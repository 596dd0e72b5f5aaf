using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace MicroCredentials.VC.Model;

/// <summary>
/// The JSON form of <see cref="MicroCredential"/>: the input of <c>mcred issue</c> and the output of <c>mcred inspect</c>.
/// Property names are the camelCase names of the model; see <c>samples/models/README.md</c> for the full description.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Text in several languages is an object keyed by language (<c>{"en": "…", "de": "…"}</c>); a plain string is English.</item>
/// <item>A concept is its URI as a string, or <c>{"id": URI, "label": text}</c>.</item>
/// <item>Date-times are ISO 8601 with a time zone (<c>2026-06-30T12:00:00Z</c>); a date alone means midnight UTC. <c>dateOfBirth</c> is a date (<c>2001-04-17</c>).</item>
/// <item>Enumerations are camelCase strings (<c>"blended"</c>, <c>"nonFormal"</c>).</item>
/// <item>Unknown properties are an error, so a misspelt element is never silently dropped.</item>
/// </list>
/// </remarks>
public static class MicroCredentialJson
{
    /// <summary>Largest accepted model document, in characters.</summary>
    public const int MaxLength = 4 * 1024 * 1024;

    /// <summary>Parses a model from its JSON form.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model (not validated: call <see cref="MicroCredential.Validate"/>).</returns>
    /// <exception cref="FormatException">The text is not a well-formed model document; the message names the element.</exception>
    public static MicroCredential Parse(string json) =>
        TryParse(json, out var model, out var problem) ? model : throw Error.Format(problem.Message);

    /// <summary>Parses a model from its JSON form without throwing.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="model">The model.</param>
    /// <param name="problem">
    /// What is wrong: code <c>model.tooLarge</c> (over <see cref="MaxLength"/>) or <c>model.malformed</c>, with a message
    /// naming the element (e.g. <c>workload.ects: expected a number</c>).
    /// </param>
    /// <returns>Whether the text is a well-formed model document.</returns>
    public static bool TryParse(string json, [NotNullWhen(true)] out MicroCredential? model, [NotNullWhen(false)] out Problem? problem)
    {
        ArgumentNullException.ThrowIfNull(json);
        model = null;
        if (json.Length > MaxLength)
        {
            problem = new Problem("model.tooLarge", $"the model document is larger than {MaxLength} characters");
            return false;
        }

        // The checks every JSON input gets (a member name given twice, numbers outside the double range...): the
        // serializer alone would keep the last of two names silently.
        if (!JsonInput.TryParse(System.Text.Encoding.UTF8.GetBytes(json), int.MaxValue, 64, allowComments: true, out _, out var jsonProblem))
        {
            problem = new Problem("model.malformed", "(document): " + jsonProblem.Message);
            return false;
        }

        try
        {
            model = JsonSerializer.Deserialize(json, Info);
            if (model is null)
            {
                problem = new Problem("model.malformed", "the model document must be a JSON object, not null");
                return false;
            }

            problem = null;
            return true;
        }
        catch (JsonException ex)
        {
            problem = new Problem("model.malformed", Describe(ex));
            return false;
        }
    }

    /// <summary>Writes a model in its JSON form (indented, nulls and empty lists left out).</summary>
    /// <param name="model">The model.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(MicroCredential model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return JsonSerializer.Serialize(model, Info);
    }

    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonTypeInfo<MicroCredential> Info => (JsonTypeInfo<MicroCredential>)Options.GetTypeInfo(typeof(MicroCredential));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(ModelJsonContext.Default.Options)
        {
            // Leave empty lists out of the written form, as null elements are.
            TypeInfoResolver = ModelJsonContext.Default.WithAddedModifier(static info =>
            {
                foreach (var property in info.Properties)
                {
                    if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
                    {
                        property.ShouldSerialize = static (_, value) => value is System.Collections.ICollection { Count: > 0 };
                    }
                }
            }),
        };
        options.MakeReadOnly();
        return options;
    }

    private static string Describe(JsonException ex)
    {
        var path = ex.Path is null or "$" ? "(document)" : ex.Path.StartsWith("$.", StringComparison.Ordinal) ? ex.Path[2..] : ex.Path;
        var message = ex.Message;
        if (ex.InnerException is FormatException or ArgumentException && ex.InnerException.Message.Length > 0)
        {
            message = ex.InnerException.Message;
        }
        else if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            message = "has the wrong type for this element" + ExpectedType(message);
        }
        else if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            var name = ex.Path?.Split('.')[^1] ?? "?";
            path = ex.Path is null ? "(document)" : string.Join('.', path.Split('.')[..^1]);
            message = "unknown element '" + name + "' (the model's elements are camelCase, see samples/models/README.md)";
            if (path.Length == 0)
            {
                path = "(document)";
            }
        }
        else
        {
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        var line = ex.LineNumber is { } l ? string.Create(CultureInfo.InvariantCulture, $" (line {l + 1})") : string.Empty;
        return path + ": " + message + line;
    }

    private static string ExpectedType(string message)
    {
        foreach (var (clr, json) in new[] { ("Decimal", "a number"), ("Int32", "a whole number"), ("Boolean", "true or false"), ("String", "a string"), ("DateTimeOffset", "a date-time"), ("DateOnly", "a date"), ("List", "an array"), ("IReadOnlyList", "an array") })
        {
            if (message.Contains(clr, StringComparison.Ordinal))
            {
                return ": expected " + json;
            }
        }

        return string.Empty;
    }
}

/// <summary>Reads text as a plain string (English) or a language map.</summary>
internal sealed class LocalizedTextConverter : JsonConverter<LocalizedText>
{
    public override LocalizedText? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return LocalizedText.Of(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("expected a string or a language map such as {\"en\": \"…\"}");
        }

        var entries = new List<(string, string)>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var language = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("the text in language '" + language + "' must be a string");
            }

            if (string.IsNullOrWhiteSpace(language) || entries.Exists(e => string.Equals(e.Item1, language, StringComparison.OrdinalIgnoreCase)))
            {
                throw new JsonException("a language map needs distinct, non-empty language tags");
            }

            entries.Add((language, reader.GetString()!));
        }

        if (entries.Count == 0)
        {
            throw new JsonException("a language map needs at least one language");
        }

        return LocalizedText.Create(entries);
    }

    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
    {
        if (value.Count == 1 && value.Language == LocalizedText.DefaultLanguage)
        {
            writer.WriteStringValue(value.Value);
            return;
        }

        writer.WriteStartObject();
        foreach (var (language, text) in value)
        {
            writer.WriteString(language, text);
        }

        writer.WriteEndObject();
    }
}

/// <summary>Reads a concept as its URI or as <c>{"id", "label"}</c>.</summary>
internal sealed class ConceptConverter : JsonConverter<Concept>
{
    private static readonly LocalizedTextConverter Text = new();

    public override Concept? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new Concept(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("expected a concept URI or {\"id\": URI, \"label\": text}");
        }

        string? id = null;
        LocalizedText? label = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "id":
                    id = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("a concept's id must be a URI string");
                    break;
                case "label":
                    label = Text.Read(ref reader, typeof(LocalizedText), options);
                    break;
                default:
                    throw new JsonException("unknown element '" + name + "' in a concept (expected id, label)");
            }
        }

        return id is null ? throw new JsonException("a concept needs its id (URI)") : new Concept(id, label);
    }

    public override void Write(Utf8JsonWriter writer, Concept value, JsonSerializerOptions options)
    {
        if (value.Label is null)
        {
            writer.WriteStringValue(value.Id);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("id", value.Id);
        writer.WritePropertyName("label");
        Text.Write(writer, value.Label, options);
        writer.WriteEndObject();
    }
}

/// <summary>ISO 8601 date-times that must carry a time zone; a date alone is midnight UTC.</summary>
internal sealed class StrictDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("expected an ISO 8601 date-time string such as 2026-06-30T12:00:00Z");
        }

        var s = reader.GetString()!;
        if (XsdDateTime.TryParse(s, out var value))
        {
            return value;
        }

        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        throw new JsonException("'" + s + "' is not an ISO 8601 date-time with a time zone (e.g. 2026-06-30T12:00:00Z)");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XsdDateTime.Format(value));
}

/// <summary>ISO 8601 dates (<c>yyyy-MM-dd</c>).</summary>
internal sealed class DateOnlyConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var s = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("expected a date such as 2001-04-17");
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        // EDC writes dateOfBirth as a date-time; keep the calendar date.
        return XsdDateTime.TryParse(s, out var dt) ? DateOnly.FromDateTime(dt.UtcDateTime) : throw new JsonException("'" + s + "' is not a date such as 2001-04-17");
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    WriteIndented = true,
    MaxDepth = 64,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UseStringEnumConverter = true,
    Converters = [typeof(LocalizedTextConverter), typeof(ConceptConverter), typeof(StrictDateTimeOffsetConverter), typeof(DateOnlyConverter)])]
[JsonSerializable(typeof(MicroCredential))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
