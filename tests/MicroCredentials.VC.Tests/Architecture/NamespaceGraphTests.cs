using MicroCredentials.VC.Model;
using MicroCredentials.VC.Resources;

namespace MicroCredentials.VC.Tests.Architecture;

/// <summary>
/// DESIGN.md "Namespaces": one folder each, arrows only downward. The compiled library's namespace graph must have no
/// cycle; the analysis itself is checked on fixtures in this assembly (a deliberate cycle, one reference of each kind).
/// </summary>
public class NamespaceGraphTests
{
    private const string Library = "MicroCredentials.VC";
    private const string Root = "root";

    /// <summary>
    /// The group of a library namespace, as DESIGN.md's table has them: one per folder under src/MicroCredentials.VC/
    /// (sub-namespaces such as Verification.Checks belong to their folder), except that each securing mechanism
    /// (<c>Securing.Jose</c>, today also <c>Proofs.Jose</c>) is its own group. The root namespace is <c>root</c>.
    /// </summary>
    internal static string? LibraryGroup(string ns)
    {
        if (ns == Library)
        {
            return Root;
        }

        if (!ns.StartsWith(Library + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = ns[(Library.Length + 1)..].Split('.');
        return parts is ["Securing" or "Proofs", var mechanism, ..] ? parts[0] + "." + mechanism : parts[0];
    }

    private static NamespaceGraph LibraryGraph() => NamespaceGraph.Read(typeof(MicroCredential).Assembly.Location, LibraryGroup);

    private static NamespaceGraph FixtureGraph(string fixture)
    {
        var prefix = typeof(NamespaceGraphTests).Namespace + "." + fixture + ".";
        return NamespaceGraph.Read(typeof(NamespaceGraphTests).Assembly.Location, ns => ns.StartsWith(prefix, StringComparison.Ordinal) ? ns[prefix.Length..].Split('.')[0] : null);
    }

    [Test]
    public void Library_NamespacesHaveNoCycle()
    {
        var graph = LibraryGraph();
        Assert.That(graph.Nodes, Is.SupersetOf(new[] { Root, "Model", "Rdf", "JsonLd", "Resources", "Crypto", "Dids", "Trust", "Status", "Verification" }), "the analysis did not see the library's namespaces");
        var cycles = graph.Cycles();
        Assert.That(cycles, Is.Empty, "namespace cycles (DESIGN.md \"Namespaces\": arrows only downward); each edge with one example reference:\n" + graph.Describe(cycles));
    }

    [TestCase(Root, TestName = "Leaf_root_DependsOnNoOtherNamespace")]
    [TestCase("Resources", TestName = "Leaf_Resources_DependsOnlyOnRoot")]
    [TestCase("Rdf", TestName = "Leaf_Rdf_DependsOnlyOnRoot")]
    [TestCase("Canonicalization", TestName = "Leaf_Canonicalization_DependsOnlyOnRoot")]
    public void Leaf_DependsOnlyOnRoot(string group)
    {
        var graph = LibraryGraph();
        Assert.That(graph.Nodes, Does.Contain(group));
        var outgoing = graph.Edges.Where(e => e.From == group && e.To != Root).Select(e => e.From + " -> " + e.To + ": " + e.Example).ToList();
        Assert.That(outgoing, Is.Empty, "DESIGN.md: " + group + " depends on nothing (the root namespace's shared leaf types aside)");
    }

    [Test]
    public void Fixture_WithBackEdge_ReportsExactlyThatCycle()
    {
        var graph = FixtureGraph("CycleFixture");
        var cycles = graph.Cycles();
        Assert.That(cycles.Select(c => string.Join(" -> ", c)), Is.EqualTo(new[] { "Lower -> Upper -> Lower" }));
        Assert.Multiple(() =>
        {
            Assert.That(graph.Nodes, Is.EquivalentTo(new[] { "Upper", "Lower", "Leaf" }));
            Assert.That(graph.Edges.Select(e => e.From + "->" + e.To), Is.EquivalentTo(new[] { "Lower->Leaf", "Lower->Upper", "Upper->Leaf", "Upper->Lower" }));

            // The back-edge exists only in a lambda inside an async method: reported at the declaring type, with the call.
            var back = graph.Example("Lower", "Upper");
            Assert.That(back, Is.EqualTo(typeof(CycleFixture.Lower.Part).FullName + ".CountBigAsync (lambda) -> " + typeof(CycleFixture.Upper.Service).FullName + " (IL call)"));
            Assert.That(graph.Describe(cycles), Is.EqualTo(
                "2 of 3 namespaces depend on each other: Lower, Upper\n"
                + "cycle: Lower -> Upper -> Lower\n"
                + "  Lower -> Upper: " + back + "\n"
                + "  Upper -> Lower: " + graph.Example("Upper", "Lower") + "\n"));
        });
    }

    [TestCase("ViaBase", "(base type)")]
    [TestCase("ViaInterface", "(interface)")]
    [TestCase("ViaGeneric", "(interface (generic argument))")]
    [TestCase("ViaAttribute", "(custom attribute)")]
    [TestCase("ViaField", "(field type)")]
    [TestCase("ViaSignature", "(parameter type)")]
    [TestCase("ViaIl", "(IL call)")]
    [TestCase("ViaNested", "(IL call)")]
    [TestCase("ViaAsync", "(IL call)")]
    public void Fixture_EachKindOfReference_IsAnEdge(string target, string kind)
    {
        var graph = FixtureGraph("EdgeFixture");
        var edge = graph.Edges.SingleOrDefault(e => e.From == "Source" && e.To == target);
        Assert.That(edge, Is.Not.Null, "no edge Source -> " + target);
        Assert.That(edge!.Example, Does.EndWith(kind));
        Assert.That(graph.Edges.Where(e => e.From != "Source"), Is.Empty);
        Assert.That(graph.Cycles(), Is.Empty);
    }

    [Test]
    public void Fixture_NestedType_CountsAsItsDeclaringType()
    {
        var example = FixtureGraph("EdgeFixture").Example("Source", "ViaNested");
        Assert.That(example, Does.StartWith(typeof(EdgeFixture.Source.Outer).FullName + "+Inner.Get -> "));
    }

    [Test]
    public void Fixture_AsyncMethod_CountsAsItsDeclaringType()
    {
        var example = FixtureGraph("EdgeFixture").Example("Source", "ViaAsync");
        Assert.That(example, Does.StartWith(typeof(EdgeFixture.Source.Awaits).FullName + "+RunAsync.MoveNext -> "));
    }

    [Test]
    public void LibraryGroup_FollowsTheDesignTable()
    {
        Assert.Multiple(() =>
        {
            Assert.That(LibraryGroup("MicroCredentials.VC"), Is.EqualTo(Root));
            Assert.That(LibraryGroup(typeof(IResourceResolver).Namespace!), Is.EqualTo("Resources"));
            Assert.That(LibraryGroup("MicroCredentials.VC.Verification.Checks"), Is.EqualTo("Verification"));
            Assert.That(LibraryGroup("MicroCredentials.VC.Securing.Jose"), Is.EqualTo("Securing.Jose"));
            Assert.That(LibraryGroup("MicroCredentials.VC.Proofs.Jose"), Is.EqualTo("Proofs.Jose"));
            Assert.That(LibraryGroup("MicroCredentials.VC.Proofs"), Is.EqualTo("Proofs"));
            Assert.That(LibraryGroup("MicroCredentials.VCX"), Is.Null);
            Assert.That(LibraryGroup("System.Text"), Is.Null);
        });
    }
}
