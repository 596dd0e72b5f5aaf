namespace MicroCredentials.VC.Rdf;

/// <summary>The kind of an RDF term.</summary>
public enum RdfTermKind
{
    /// <summary>An absolute IRI.</summary>
    Iri,

    /// <summary>A blank node, identified by a label local to its dataset.</summary>
    BlankNode,

    /// <summary>A literal: a lexical form with a datatype IRI and, for language-tagged strings, a language tag.</summary>
    Literal,
}

/// <summary>
/// An RDF 1.1 term (RDF 1.1 Concepts §3): an IRI, a blank node or a literal. Immutable; equality is by value.
/// </summary>
/// <remarks>
/// For an IRI <see cref="Value"/> is the IRI; for a blank node it is the label without the <c>_:</c> prefix;
/// for a literal it is the lexical form, with <see cref="Datatype"/> always set (language-tagged strings use
/// <c>rdf:langString</c>) and <see cref="Language"/> set only for language-tagged strings.
/// </remarks>
/// <param name="Kind">What kind of term this is.</param>
/// <param name="Value">The IRI, the blank-node label (without <c>_:</c>), or the literal's lexical form.</param>
/// <param name="Datatype">The literal's datatype IRI; <see langword="null"/> for IRIs and blank nodes.</param>
/// <param name="Language">The literal's language tag; <see langword="null"/> unless the literal is language-tagged.</param>
public sealed record RdfTerm(RdfTermKind Kind, string Value, string? Datatype = null, string? Language = null)
{
    /// <summary>The IRI of <c>xsd:string</c>, the datatype of simple literals.</summary>
    public const string XsdString = "http://www.w3.org/2001/XMLSchema#string";

    /// <summary>The IRI of <c>rdf:langString</c>, the datatype of language-tagged strings.</summary>
    public const string RdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

    /// <summary>Creates an IRI term.</summary>
    /// <param name="iri">The absolute IRI.</param>
    /// <returns>The term.</returns>
    public static RdfTerm Iri(string iri) => new(RdfTermKind.Iri, iri);

    /// <summary>Creates a blank node term.</summary>
    /// <param name="label">The label, without the <c>_:</c> prefix.</param>
    /// <returns>The term.</returns>
    public static RdfTerm Blank(string label) => new(RdfTermKind.BlankNode, label);

    /// <summary>Creates a literal term.</summary>
    /// <param name="lexicalForm">The lexical form.</param>
    /// <param name="datatype">The datatype IRI; <c>xsd:string</c> when omitted (or <c>rdf:langString</c> when a language is given).</param>
    /// <param name="language">The language tag, for a language-tagged string.</param>
    /// <returns>The term.</returns>
    public static RdfTerm Literal(string lexicalForm, string? datatype = null, string? language = null) =>
        new(RdfTermKind.Literal, lexicalForm, datatype ?? (language is null ? XsdString : RdfLangString), language);

    /// <summary>Whether this term is an IRI.</summary>
    public bool IsIri => Kind == RdfTermKind.Iri;

    /// <summary>Whether this term is a blank node.</summary>
    public bool IsBlankNode => Kind == RdfTermKind.BlankNode;

    /// <summary>Whether this term is a literal.</summary>
    public bool IsLiteral => Kind == RdfTermKind.Literal;
}

/// <summary>An RDF quad: a triple and the graph it belongs to (<see langword="null"/> for the default graph).</summary>
/// <param name="Subject">An IRI or blank node.</param>
/// <param name="Predicate">An IRI.</param>
/// <param name="Object">Any term.</param>
/// <param name="Graph">An IRI or blank node naming the graph, or <see langword="null"/> for the default graph.</param>
public sealed record Quad(RdfTerm Subject, RdfTerm Predicate, RdfTerm Object, RdfTerm? Graph = null);
