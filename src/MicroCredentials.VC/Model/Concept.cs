namespace MicroCredentials.VC.Model;

/// <summary>
/// A concept from a controlled vocabulary (SKOS), identified by its URI, e.g.
/// <c>http://data.europa.eu/snb/eqf/6</c>, with an optional human-readable label.
/// </summary>
/// <param name="Id">The concept URI.</param>
/// <param name="Label">Its preferred label.</param>
public sealed record Concept(string Id, LocalizedText? Label = null)
{
    /// <summary>The label in English if present, else the URI.</summary>
    /// <returns>A display string.</returns>
    public override string ToString() => Label?.Get("en") ?? Id;
}
