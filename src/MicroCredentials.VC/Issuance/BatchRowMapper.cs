using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MicroCredentials.VC.Model;

namespace MicroCredentials.VC.Issuance;

/// <summary>The model field a column of a batch export fills in (<see cref="BatchRowMapper"/>).</summary>
public enum BatchField
{
    /// <summary><c>learner.id</c>: <see cref="Learner.Id"/> (<c>credentialSubject.id</c>), typically the learner's DID.</summary>
    LearnerId,

    /// <summary><c>learner.fullName</c>: <see cref="Learner.FullName"/>.</summary>
    LearnerFullName,

    /// <summary><c>learner.givenName</c>: <see cref="Learner.GivenName"/>.</summary>
    LearnerGivenName,

    /// <summary><c>learner.familyName</c>: <see cref="Learner.FamilyName"/>.</summary>
    LearnerFamilyName,

    /// <summary><c>learner.dateOfBirth</c>: <see cref="Learner.DateOfBirth"/>, as <c>yyyy-MM-dd</c>.</summary>
    LearnerDateOfBirth,

    /// <summary><c>learner.email</c>: <see cref="Learner.Email"/>.</summary>
    LearnerEmail,

    /// <summary>
    /// <c>learner.studentNumber</c>: an entry of <see cref="Learner.Identifiers"/> with scheme
    /// <see cref="BatchRowMapper.StudentNumberScheme"/>, replacing the template's entries of that scheme.
    /// </summary>
    LearnerStudentNumber,

    /// <summary><c>learner.nationalId</c>: <see cref="Learner.NationalId"/> with scheme <see cref="BatchRowMapper.NationalIdScheme"/>.</summary>
    LearnerNationalId,

    /// <summary><c>learner.nationalIdCountry</c>: the country (ISO 3166-1 alpha-2) of <see cref="Learner.NationalId"/>, which the row or the template must give.</summary>
    LearnerNationalIdCountry,

    /// <summary><c>issuedOn</c>: <see cref="MicroCredential.IssuedOn"/>, a date (midnight UTC) or a date-time with a time zone.</summary>
    IssuedOn,

    /// <summary><c>awardedOn</c>: <see cref="MicroCredential.AwardedOn"/>, as <see cref="IssuedOn"/>.</summary>
    AwardedOn,

    /// <summary><c>expiresOn</c>: <see cref="MicroCredential.ExpiresOn"/>, as <see cref="IssuedOn"/>.</summary>
    ExpiresOn,

    /// <summary><c>grade</c>: the value of <see cref="Assessment.Grade"/>; the grading scheme stays the template's.</summary>
    Grade,
}

/// <summary>The stable codes of batch issuance: reading a header, mapping a row, issuing an item.</summary>
public static class BatchCodes
{
    /// <summary>The header is empty: no column is named.</summary>
    public const string NoHeader = "batch.noHeader";

    /// <summary>A header names a column that is not one of <see cref="BatchRowMapper.ColumnNames"/>.</summary>
    public const string UnknownColumn = "batch.unknownColumn";

    /// <summary>A header names the same column twice (ignoring case).</summary>
    public const string DuplicateColumn = "batch.duplicateColumn";

    /// <summary>A row has more or fewer fields than the header.</summary>
    public const string FieldCount = "batch.fieldCount";

    /// <summary>A field holds a control character (a tab, a line break, …).</summary>
    public const string ControlCharacter = "batch.controlCharacter";

    /// <summary>A date column holds something that is not a date (or a date-time with a time zone).</summary>
    public const string InvalidDate = "batch.invalidDate";

    /// <summary><c>learner.nationalIdCountry</c> is given while neither the row nor the template has a national identifier.</summary>
    public const string CountryWithoutNationalId = "batch.countryWithoutNationalId";

    /// <summary>The item's model is not a complete micro-credential (<see cref="BatchResult.Validation"/> lists why).</summary>
    public const string InvalidModel = "batch.invalidModel";

    /// <summary>An item failed for a reason other than a <see cref="Proofs.ProofException"/>.</summary>
    public const string Unexpected = "batch.unexpected";
}

/// <summary>
/// The mapping of a student-information-system export onto micro-credentials (documented in
/// <c>samples/batch/README.md</c>): the first column is the row id, whatever its name; every other column overrides
/// one field of a template model (<see cref="BatchField"/>). An empty field keeps the template's value. Immutable and
/// thread-safe: one mapper serves every row of an export.
/// </summary>
/// <remarks>
/// The mapper reads no file and knows no CSV dialect: the caller splits the export into fields. Problems name the
/// column and say what is wrong, never the value (which may be the learner's personal data).
/// </remarks>
public sealed class BatchRowMapper
{
    /// <summary>The scheme of the identifier a <c>learner.studentNumber</c> column gives.</summary>
    public const string StudentNumberScheme = "student number";

    /// <summary>The scheme of the identifier a <c>learner.nationalId</c> column gives.</summary>
    public const string NationalIdScheme = "national identifier";

    private static readonly (string Name, BatchField Field)[] Known =
    [
        ("learner.id", BatchField.LearnerId),
        ("learner.fullName", BatchField.LearnerFullName),
        ("learner.givenName", BatchField.LearnerGivenName),
        ("learner.familyName", BatchField.LearnerFamilyName),
        ("learner.dateOfBirth", BatchField.LearnerDateOfBirth),
        ("learner.email", BatchField.LearnerEmail),
        ("learner.studentNumber", BatchField.LearnerStudentNumber),
        ("learner.nationalId", BatchField.LearnerNationalId),
        ("learner.nationalIdCountry", BatchField.LearnerNationalIdCountry),
        ("issuedOn", BatchField.IssuedOn),
        ("awardedOn", BatchField.AwardedOn),
        ("expiresOn", BatchField.ExpiresOn),
        ("grade", BatchField.Grade),
    ];

    private static readonly FrozenDictionary<string, BatchField> ByName =
        Known.ToFrozenDictionary(k => k.Name, k => k.Field, StringComparer.OrdinalIgnoreCase);

    private readonly BatchField[] _fields;

    private BatchRowMapper(BatchField[] fields) => _fields = fields;

    /// <summary>The column names a header may use after the row id (matched ignoring case), in documentation order.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = [.. Known.Select(k => k.Name)];

    /// <summary>How many fields a row has: the row id and one per mapped column.</summary>
    public int ColumnCount => _fields.Length + 1;

    /// <summary>The field each column after the row id fills in: <c>Fields[0]</c> is the header's second column.</summary>
    public IReadOnlyList<BatchField> Fields => _fields;

    /// <summary>The documented column name of a field, e.g. <c>learner.dateOfBirth</c>.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="field"/> is not a defined value.</exception>
    public static string ColumnName(BatchField field) =>
        Enum.IsDefined(field) ? Known[(int)field].Name : throw Error.ArgumentOutOfRange(nameof(field), field, "Not a batch field.");

    /// <summary>
    /// The model element a field fills in, as <see cref="ValidationProblem.Element"/> names it: <c>learner</c> for the
    /// learner's columns, <c>issuedOn</c>, <c>awardedOn</c>, <c>expiresOn</c>, <c>assessment.grade</c>.
    /// </summary>
    /// <param name="field">The field.</param>
    /// <returns>The element path.</returns>
    public static string Element(BatchField field) => field switch
    {
        BatchField.IssuedOn => "issuedOn",
        BatchField.AwardedOn => "awardedOn",
        BatchField.ExpiresOn => "expiresOn",
        BatchField.Grade => "assessment.grade",
        _ => "learner",
    };

    /// <summary>
    /// Reads a header: the first column is the row id (any name); every other one must be a name of
    /// <see cref="ColumnNames"/> (ignoring case and surrounding white space), each at most once.
    /// </summary>
    /// <param name="header">The column names, the row id's first.</param>
    /// <param name="mapper">The mapper, when the header is usable.</param>
    /// <param name="problem">
    /// Why it is not: <see cref="BatchCodes.NoHeader"/>, <see cref="BatchCodes.UnknownColumn"/> (naming every unknown
    /// column) or <see cref="BatchCodes.DuplicateColumn"/>.
    /// </param>
    /// <returns>Whether the header is usable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="header"/> or one of its names is null.</exception>
    public static bool TryCreate(IReadOnlyList<string> header, [NotNullWhen(true)] out BatchRowMapper? mapper, [NotNullWhen(false)] out Problem? problem)
    {
        ArgumentNullException.ThrowIfNull(header);
        mapper = null;
        if (header.Count == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            problem = new Problem(BatchCodes.NoHeader, "no header row: the first line names the columns, the row id first, then the columns of the mapping");
            return false;
        }

        var fields = new BatchField[header.Count - 1];
        var unknown = new List<string>();
        string? duplicate = null;
        for (var i = 1; i < header.Count; i++)
        {
            var name = (header[i] ?? throw Error.ArgumentNull(nameof(header))).Trim();
            if (!ByName.TryGetValue(name, out fields[i - 1]))
            {
                unknown.Add(name.Length == 0 ? string.Create(CultureInfo.InvariantCulture, $"(empty, column {i + 1})") : Printable(name));
            }
            else if (duplicate is null && Array.IndexOf(fields, fields[i - 1], 0, i - 1) >= 0)
            {
                duplicate = ColumnName(fields[i - 1]);
            }
        }

        if (unknown.Count > 0)
        {
            problem = new Problem(BatchCodes.UnknownColumn, $"unknown column(s) in the header: {string.Join(", ", unknown)}. The columns after the row id are: {string.Join(", ", ColumnNames)}");
            return false;
        }

        if (duplicate is not null)
        {
            problem = new Problem(BatchCodes.DuplicateColumn, $"the column '{duplicate}' appears twice in the header");
            return false;
        }

        mapper = new BatchRowMapper(fields);
        problem = null;
        return true;
    }

    /// <summary>
    /// The template's errors that no row can fix: every error of <see cref="MicroCredential.Validate"/> outside the
    /// elements the header's columns fill in (<see cref="Element"/>). A template with any is unusable for this header.
    /// </summary>
    /// <param name="template">The model every row starts from.</param>
    /// <returns>The errors; empty when rows can complete the template.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="template"/> is null.</exception>
    public IReadOnlyList<ValidationProblem> CheckTemplate(MicroCredential template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var covered = _fields.Select(Element).Distinct(StringComparer.Ordinal).ToArray();
        return [.. template.Validate().Errors.Where(p => !covered.Any(c => Covers(c, p.Element)))];
    }

    /// <summary>The problem of a row with <paramref name="count"/> fields, when that is not <see cref="ColumnCount"/>.</summary>
    /// <param name="count">The number of fields in the row, the row id included.</param>
    /// <returns>A <see cref="BatchCodes.FieldCount"/> problem, or null when the count is right.</returns>
    public Problem? CheckFieldCount(int count) => count == ColumnCount
        ? null
        : new Problem(BatchCodes.FieldCount, string.Create(CultureInfo.InvariantCulture, $"expected {ColumnCount} columns as in the header, found {count}"));

    /// <summary>
    /// Lays a row over the template: each non-empty field (surrounding white space trimmed) replaces the template's
    /// value of its <see cref="BatchField"/>; an empty field keeps it. The row id (first field) is not read. The result
    /// is not validated: issuing does that (<see cref="CredentialIssuer.IssueAsync(MicroCredential, CancellationToken)"/>).
    /// </summary>
    /// <param name="template">The model every row starts from; not modified.</param>
    /// <param name="row">The row's fields, the row id first, as many as <see cref="ColumnCount"/>.</param>
    /// <returns>The model, or every problem of the row, each naming its column (never its value).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="template"/>, <paramref name="row"/> or one of its fields is null.</exception>
    public BatchRowResult Map(MicroCredential template, IReadOnlyList<string> row)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(row);
        if (CheckFieldCount(row.Count) is { } countProblem)
        {
            return new BatchRowResult(null, [countProblem]);
        }

        var problems = new List<Problem>();
        var result = template;
        var learner = template.Learner ?? new Learner();
        string? nationalId = null;
        string? nationalIdCountry = null;
        for (var i = 0; i < _fields.Length; i++)
        {
            var field = _fields[i];
            var raw = row[i + 1] ?? throw Error.ArgumentNull(nameof(row));
            if (HasControlCharacter(raw))
            {
                problems.Add(new Problem(BatchCodes.ControlCharacter, $"the column '{ColumnName(field)}' contains a control character (e.g. a line break or a tab)"));
                continue;
            }

            var value = raw.Trim();
            if (value.Length == 0)
            {
                continue;
            }

            switch (field)
            {
                case BatchField.LearnerId:
                    learner = learner with { Id = value };
                    break;
                case BatchField.LearnerFullName:
                    learner = learner with { FullName = value };
                    break;
                case BatchField.LearnerGivenName:
                    learner = learner with { GivenName = value };
                    break;
                case BatchField.LearnerFamilyName:
                    learner = learner with { FamilyName = value };
                    break;
                case BatchField.LearnerEmail:
                    learner = learner with { Email = value };
                    break;
                case BatchField.LearnerDateOfBirth:
                    if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
                    {
                        learner = learner with { DateOfBirth = birth };
                    }
                    else
                    {
                        problems.Add(new Problem(BatchCodes.InvalidDate, ColumnName(field) + ": not a date such as 2001-04-17"));
                    }

                    break;
                case BatchField.LearnerStudentNumber:
                    learner = learner with { Identifiers = [.. learner.Identifiers.Where(x => x.Scheme != StudentNumberScheme), new Identifier(value, StudentNumberScheme)] };
                    break;
                case BatchField.LearnerNationalId:
                    nationalId = value;
                    break;
                case BatchField.LearnerNationalIdCountry:
                    nationalIdCountry = value;
                    break;
                case BatchField.IssuedOn or BatchField.AwardedOn or BatchField.ExpiresOn:
                    if (!TryParseDate(value, out var date))
                    {
                        problems.Add(new Problem(BatchCodes.InvalidDate, ColumnName(field) + ": not a date (2026-06-30) or a date-time with a time zone (2026-06-30T10:00:00Z)"));
                        break;
                    }

                    result = field switch
                    {
                        BatchField.IssuedOn => result with { IssuedOn = date },
                        BatchField.AwardedOn => result with { AwardedOn = date },
                        _ => result with { ExpiresOn = date },
                    };
                    break;
                default: // BatchField.Grade
                    var assessment = result.Assessment ?? new Assessment();
                    result = result with { Assessment = assessment with { Grade = new Grade(LocalizedText.Of(value), assessment.Grade?.Scheme) } };
                    break;
            }
        }

        if (nationalIdCountry is not null && nationalId is null && learner.NationalId is null)
        {
            problems.Add(new Problem(BatchCodes.CountryWithoutNationalId, "learner.nationalIdCountry is given without learner.nationalId (in the row or the template)"));
        }

        if (problems.Count > 0)
        {
            return new BatchRowResult(null, problems);
        }

        if (nationalId is not null || nationalIdCountry is not null)
        {
            var current = learner.NationalId;
            learner = learner with { NationalId = new Identifier(nationalId ?? current!.Value, NationalIdScheme, nationalIdCountry ?? current?.Country) };
        }

        return new BatchRowResult(result with { Learner = learner }, []);
    }

    private static bool Covers(string element, string problemElement) =>
        problemElement == element
        || problemElement.StartsWith(element + ".", StringComparison.Ordinal)
        || problemElement.StartsWith(element + "[", StringComparison.Ordinal);

    private static bool TryParseDate(string value, out DateTimeOffset date)
    {
        if (XsdDateTime.TryParse(value, out date))
        {
            return true;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            date = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return false;
    }

    private static bool HasControlCharacter(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Printable(string text) => string.Concat(text.Select(c => char.IsControl(c) ? '?' : c));
}

/// <summary>The outcome of <see cref="BatchRowMapper.Map"/>: the row's model, or why the row cannot become one.</summary>
/// <param name="Model">The template with the row laid over it, when <see cref="Succeeded"/>; not yet validated.</param>
/// <param name="Problems">Every problem of the row, each naming its column; empty on success. Never the row's values.</param>
public sealed record BatchRowResult(MicroCredential? Model, IReadOnlyList<Problem> Problems)
{
    /// <summary>Whether the row became a model.</summary>
    [MemberNotNullWhen(true, nameof(Model))]
    public bool Succeeded => Model is not null;

    /// <summary>The problems joined into one line (<c>; </c> between them), e.g. for a report of bad rows.</summary>
    /// <returns>One line; empty on success.</returns>
    public override string ToString() => string.Join("; ", Problems.Select(p => p.Message));
}
