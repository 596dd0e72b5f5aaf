using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;

namespace MicroCredentials.VC.Tests.Architecture;

/// <summary>One dependency between two namespace groups, with the first type reference found that makes it.</summary>
/// <param name="From">The depending group.</param>
/// <param name="To">The group depended on.</param>
/// <param name="Example">Where: source type and member, the kind of reference, and the target type.</param>
internal sealed record NamespaceEdge(string From, string To, string Example);

/// <summary>
/// The dependency graph between the namespace groups of one compiled assembly, read with System.Reflection.Metadata
/// (no loading, no reflection over the types). A type depends on every type of the assembly it names in its base type,
/// interfaces, generic constraints, custom attributes (constructor), field types, method, property and event signatures,
/// local variables, exception handlers, and the type, method and field tokens of its IL. Nested and compiler-generated
/// types (async state machines, iterators, closures, lambdas) count as their top-level declaring type.
/// </summary>
internal sealed class NamespaceGraph
{
    private static readonly Dictionary<ushort, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => unchecked((ushort)o.Value), o => o.OperandType);

    private readonly MetadataReader reader;
    private readonly Func<string, string?> groupOf;
    private readonly Dictionary<(string From, string To), string> edges = [];
    private readonly HashSet<string> nodes = new(StringComparer.Ordinal);
    private readonly TypeCollector collector;

    private NamespaceGraph(MetadataReader reader, Func<string, string?> groupOf)
    {
        this.reader = reader;
        this.groupOf = groupOf;
        collector = new TypeCollector(this);
    }

    /// <summary>The groups that hold at least one type.</summary>
    public IReadOnlyCollection<string> Nodes => nodes;

    /// <summary>Every dependency between two different groups, with one example each.</summary>
    public IReadOnlyList<NamespaceEdge> Edges =>
        [.. edges.Select(e => new NamespaceEdge(e.Key.From, e.Key.To, e.Value)).OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal)];

    /// <summary>Reads the assembly at <paramref name="path"/>.</summary>
    /// <param name="path">The assembly file.</param>
    /// <param name="groupOf">Maps a namespace to its group; <see langword="null"/> leaves the namespace out of the graph.</param>
    public static NamespaceGraph Read(string path, Func<string, string?> groupOf)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var graph = new NamespaceGraph(pe.GetMetadataReader(), groupOf);
        graph.ReadAll(pe);
        return graph;
    }

    /// <summary>
    /// The cycles: for every edge u -> v inside a strongly connected set of groups, the shortest cycle through it
    /// (u -> v -> ... -> u), so each edge that closes a cycle is shown at least once. Each cycle is written from its
    /// alphabetically first group (A -> B -> A), without repeats, in order.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles() => [.. Tangles().SelectMany(CyclesIn).DistinctBy(c => string.Join(" -> ", c)).OrderBy(c => string.Join(" -> ", c), StringComparer.Ordinal)];

    /// <summary>The strongly connected sets of more than one group (each one big cycle), sorted.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Tangles() =>
        [.. StronglyConnected(Next()).Where(c => c.Count > 1).Select(c => (IReadOnlyList<string>)[.. c.Order(StringComparer.Ordinal)]).OrderBy(c => c[0], StringComparer.Ordinal)];

    private IEnumerable<IReadOnlyList<string>> CyclesIn(IReadOnlyList<string> component)
    {
        var next = Next();
        foreach (var (from, to) in edges.Keys.Where(e => component.Contains(e.From) && component.Contains(e.To)))
        {
            if (ShortestPath(to, from, component, next) is { } back)
            {
                yield return Rotate([from, .. back]);
            }
        }
    }

    private Dictionary<string, List<string>> Next() =>
        edges.Keys.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Order(StringComparer.Ordinal).ToList());

    /// <summary>The example reference of the edge <paramref name="from"/> → <paramref name="to"/>.</summary>
    public string Example(string from, string to) => edges[(from, to)];

    /// <summary>A report of the cycles a developer can act on: each cycle, then one example reference per edge.</summary>
    public string Describe(IReadOnlyList<IReadOnlyList<string>> cycles)
    {
        var sb = new StringBuilder();
        foreach (var tangle in Tangles())
        {
            sb.Append(tangle.Count).Append(" of ").Append(nodes.Count).Append(" namespaces depend on each other: ").AppendJoin(", ", tangle).Append('\n');
        }

        foreach (var cycle in cycles)
        {
            sb.Append("cycle: ").AppendJoin(" -> ", cycle).Append('\n');
            for (var i = 0; i + 1 < cycle.Count; i++)
            {
                sb.Append("  ").Append(cycle[i]).Append(" -> ").Append(cycle[i + 1]).Append(": ").Append(edges[(cycle[i], cycle[i + 1])]).Append('\n');
            }
        }

        return sb.ToString();
    }

    private void ReadAll(PEReader pe)
    {
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            var (top, source) = TopLevel(handle);
            if (top is not { } sourceTop || GroupOfType(sourceTop) is not { } from)
            {
                continue;
            }

            nodes.Add(from);
            var origin = new Origin(from, source);
            Add(origin, type.BaseType, "base type");
            foreach (var i in type.GetInterfaceImplementations())
            {
                Add(origin, reader.GetInterfaceImplementation(i).Interface, "interface");
            }

            Attributes(origin, type.GetCustomAttributes());
            GenericParameters(origin, type.GetGenericParameters());
            foreach (var f in type.GetFields())
            {
                var field = reader.GetFieldDefinition(f);
                var at = origin with { Member = Join(source, Readable(reader.GetString(field.Name))) };
                AddAll(at, field.DecodeSignature(collector, null), "field type");
                Attributes(at, field.GetCustomAttributes());
            }

            foreach (var p in type.GetProperties())
            {
                var property = reader.GetPropertyDefinition(p);
                var at = origin with { Member = source + "." + reader.GetString(property.Name) };
                var signature = property.DecodeSignature(collector, null);
                AddAll(at, signature.ReturnType, "property type");
                foreach (var parameter in signature.ParameterTypes)
                {
                    AddAll(at, parameter, "indexer parameter");
                }

                Attributes(at, property.GetCustomAttributes());
            }

            foreach (var e in type.GetEvents())
            {
                var @event = reader.GetEventDefinition(e);
                var at = origin with { Member = source + "." + reader.GetString(@event.Name) };
                Add(at, @event.Type, "event type");
                Attributes(at, @event.GetCustomAttributes());
            }

            foreach (var m in type.GetMethods())
            {
                Method(pe, origin, source, reader.GetMethodDefinition(m));
            }
        }
    }

    private void Method(PEReader pe, Origin origin, string source, MethodDefinition method)
    {
        var at = origin with { Member = Join(source, Readable(reader.GetString(method.Name))) };
        var signature = method.DecodeSignature(collector, null);
        AddAll(at, signature.ReturnType, "return type");
        foreach (var parameter in signature.ParameterTypes)
        {
            AddAll(at, parameter, "parameter type");
        }

        Attributes(at, method.GetCustomAttributes());
        foreach (var p in method.GetParameters())
        {
            Attributes(at, reader.GetParameter(p).GetCustomAttributes());
        }

        GenericParameters(at, method.GetGenericParameters());
        if (method.RelativeVirtualAddress == 0)
        {
            return;
        }

        var body = pe.GetMethodBody(method.RelativeVirtualAddress);
        if (!body.LocalSignature.IsNil)
        {
            foreach (var local in reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(collector, null))
            {
                AddAll(at, local, "local variable");
            }
        }

        foreach (var region in body.ExceptionRegions)
        {
            if (!region.CatchType.IsNil)
            {
                Add(at, region.CatchType, "catch");
            }
        }

        Il(at, body.GetILReader());
    }

    /// <summary>Walks the IL one instruction at a time (operand sizes from the opcode's operand type) and adds every token operand.</summary>
    private void Il(Origin at, BlobReader il)
    {
        while (il.RemainingBytes > 0)
        {
            var offset = il.Offset;
            int code = il.ReadByte();
            if (code == 0xFE)
            {
                code = 0xFE00 | il.ReadByte();
            }

            if (!OperandTypes.TryGetValue((ushort)code, out var operand))
            {
                throw new BadImageFormatException($"Unknown IL opcode 0x{code:X} at offset {offset} in {at.Member}.");
            }

            var opcode = (ILOpCode)code;
            switch (operand)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.ShortInlineR or OperandType.InlineString:
                    il.Offset += 4;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineSwitch:
                    var count = il.ReadInt32();
                    il.Offset += checked(count * 4);
                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType or OperandType.InlineSig:
                    Token(at, MetadataTokens.EntityHandle(il.ReadInt32()), "IL " + opcode.ToString().ToLowerInvariant().Replace('_', '.'));
                    break;
                default:
                    throw new BadImageFormatException($"Unexpected operand type {operand} of {opcode} in {at.Member}.");
            }
        }

        if (il.RemainingBytes != 0)
        {
            throw new BadImageFormatException($"The IL of {at.Member} does not end on an instruction boundary.");
        }
    }

    private void Token(Origin at, EntityHandle handle, string kind)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification:
                Add(at, handle, kind);
                break;
            case HandleKind.FieldDefinition:
                Add(at, reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType(), kind);
                AddAll(at, reader.GetFieldDefinition((FieldDefinitionHandle)handle).DecodeSignature(collector, null), kind);
                break;
            case HandleKind.MethodDefinition:
                var method = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                Add(at, method.GetDeclaringType(), kind);
                AddSignature(at, method.DecodeSignature(collector, null), kind);
                break;
            case HandleKind.MemberReference:
                var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                if (member.Parent.Kind is HandleKind.MethodDefinition)
                {
                    Token(at, member.Parent, kind);
                }
                else if (member.Parent.Kind is HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification)
                {
                    Add(at, member.Parent, kind);
                }

                if (member.GetKind() == MemberReferenceKind.Method)
                {
                    AddSignature(at, member.DecodeMethodSignature(collector, null), kind);
                }
                else
                {
                    AddAll(at, member.DecodeFieldSignature(collector, null), kind);
                }

                break;
            case HandleKind.MethodSpecification:
                var spec = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                Token(at, spec.Method, kind);
                foreach (var argument in spec.DecodeSignature(collector, null))
                {
                    AddAll(at, argument, kind + " (generic argument)");
                }

                break;
            case HandleKind.StandaloneSignature:
                var standalone = reader.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                if (standalone.GetKind() == StandaloneSignatureKind.Method)
                {
                    AddSignature(at, standalone.DecodeMethodSignature(collector, null), kind);
                }

                break;
            default:
                throw new BadImageFormatException($"Unexpected token kind {handle.Kind} for {kind} in {at.Member}.");
        }
    }

    private void AddSignature(Origin at, MethodSignature<ImmutableArray<EntityHandle>> signature, string kind)
    {
        AddAll(at, signature.ReturnType, kind);
        foreach (var parameter in signature.ParameterTypes)
        {
            AddAll(at, parameter, kind);
        }
    }

    private void Attributes(Origin at, CustomAttributeHandleCollection attributes)
    {
        foreach (var a in attributes)
        {
            var constructor = reader.GetCustomAttribute(a).Constructor;
            var owner = constructor.Kind == HandleKind.MethodDefinition
                ? reader.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType()
                : reader.GetMemberReference((MemberReferenceHandle)constructor).Parent;
            Add(at, owner, "custom attribute");
        }
    }

    private void GenericParameters(Origin at, GenericParameterHandleCollection parameters)
    {
        foreach (var g in parameters)
        {
            var parameter = reader.GetGenericParameter(g);
            Attributes(at, parameter.GetCustomAttributes());
            foreach (var c in parameter.GetConstraints())
            {
                Add(at, reader.GetGenericParameterConstraint(c).Type, "generic constraint");
            }
        }
    }

    private void AddAll(Origin at, ImmutableArray<EntityHandle> types, string kind)
    {
        foreach (var type in types)
        {
            Add(at, type, kind);
        }
    }

    private void Add(Origin at, EntityHandle handle, string kind)
    {
        if (handle.IsNil)
        {
            return;
        }

        switch (handle.Kind)
        {
            case HandleKind.TypeSpecification:
                AddAll(at, reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(collector, null), kind + " (generic argument)");
                return;
            case HandleKind.TypeDefinition:
                if (TopLevel((TypeDefinitionHandle)handle).Top is { } top && GroupOfType(top) is { } to)
                {
                    Edge(at, to, kind, FullName(top));
                }

                return;
            case HandleKind.TypeReference:
                if (ReferencedInThisModule((TypeReferenceHandle)handle) is { } referenced && groupOf(referenced.Namespace) is { } target)
                {
                    Edge(at, target, kind, referenced.Namespace + "." + referenced.Name);
                }

                return;
            default:
                return;
        }
    }

    private void Edge(Origin at, string to, string kind, string target)
    {
        if (to != at.Group)
        {
            edges.TryAdd((at.Group, to), $"{at.Member} -> {target} ({kind})");
        }
    }

    /// <summary>The top-level type a type is nested in (itself when it is not nested), and a readable name of where the code is.</summary>
    private (TypeDefinitionHandle? Top, string Source) TopLevel(TypeDefinitionHandle handle)
    {
        var names = new List<string>();
        var current = handle;
        while (true)
        {
            var type = reader.GetTypeDefinition(current);
            var name = reader.GetString(type.Name);
            var declaring = type.GetDeclaringType();
            if (declaring.IsNil)
            {
                if (name == "<Module>" || reader.GetString(type.Namespace).Length == 0)
                {
                    return (null, name);
                }

                names.Add(name);
                names.Reverse();
                return (current, reader.GetString(type.Namespace) + "." + string.Join("+", names.Where(n => n.Length > 0)));
            }

            names.Add(Readable(name));
            current = declaring;
        }
    }

    private static string Join(string source, string member) => member.Length == 0 ? source : source + "." + member;

    /// <summary>A compiler-generated name as the source names it: <c>&lt;VerifyAsync&gt;d__3</c> is <c>VerifyAsync</c>, <c>&lt;Name&gt;k__BackingField</c> is <c>Name</c>, a closure class or awaiter field is dropped.</summary>
    private static string Readable(string name)
    {
        if (!name.StartsWith('<'))
        {
            return name;
        }

        var end = name.IndexOf('>', StringComparison.Ordinal);
        return end > 1 ? name[1..end] + (name.Contains(">b__", StringComparison.Ordinal) ? " (lambda)" : string.Empty) : string.Empty;
    }

    private string? GroupOfType(TypeDefinitionHandle top) => groupOf(reader.GetString(reader.GetTypeDefinition(top).Namespace));

    private string FullName(TypeDefinitionHandle top)
    {
        var type = reader.GetTypeDefinition(top);
        return reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);
    }

    /// <summary>A type reference that resolves to this module (the outermost type's namespace and name), or null for another assembly's type.</summary>
    private (string Namespace, string Name)? ReferencedInThisModule(TypeReferenceHandle handle)
    {
        var reference = reader.GetTypeReference(handle);
        while (reference.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            reference = reader.GetTypeReference((TypeReferenceHandle)reference.ResolutionScope);
        }

        return reference.ResolutionScope.Kind == HandleKind.ModuleDefinition
            ? (reader.GetString(reference.Namespace), reader.GetString(reference.Name))
            : null;
    }

    /// <summary>Tarjan's algorithm.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, List<string>> next)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<List<string>>();

        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in next.GetValueOrDefault(v) ?? [])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                result.Add(component);
            }
        }

        foreach (var v in next.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }

        return result;
    }

    /// <summary>Breadth-first: the shortest path from <paramref name="start"/> to <paramref name="goal"/> inside the component, both included.</summary>
    private static List<string>? ShortestPath(string start, string goal, IReadOnlyList<string> component, Dictionary<string, List<string>> next)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal) { [start] = start };
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            if (v == goal)
            {
                var path = new List<string>();
                for (var x = goal; x != start; x = parent[x])
                {
                    path.Add(x);
                }

                path.Add(start);
                path.Reverse();
                return path;
            }

            foreach (var w in next.GetValueOrDefault(v) ?? [])
            {
                if (component.Contains(w) && parent.TryAdd(w, v))
                {
                    queue.Enqueue(w);
                }
            }
        }

        return null;
    }

    private static List<string> Rotate(List<string> cycle)
    {
        var ring = cycle.Take(cycle.Count - 1).ToList();
        var first = ring.IndexOf(ring.Min(StringComparer.Ordinal)!);
        var rotated = ring.Skip(first).Concat(ring.Take(first)).ToList();
        rotated.Add(rotated[0]);
        return rotated;
    }

    private readonly record struct Origin(string Group, string Member);

    /// <summary>Decodes signatures into the type handles they name (generic arguments, array elements and modifiers included).</summary>
    private sealed class TypeCollector(NamespaceGraph graph) : ISignatureTypeProvider<ImmutableArray<EntityHandle>, object?>
    {
        private static readonly ImmutableArray<EntityHandle> None = [];

        public ImmutableArray<EntityHandle> GetArrayType(ImmutableArray<EntityHandle> elementType, ArrayShape shape) => elementType;

        public ImmutableArray<EntityHandle> GetByReferenceType(ImmutableArray<EntityHandle> elementType) => elementType;

        public ImmutableArray<EntityHandle> GetFunctionPointerType(MethodSignature<ImmutableArray<EntityHandle>> signature) =>
            [.. signature.ReturnType, .. signature.ParameterTypes.SelectMany(p => p)];

        public ImmutableArray<EntityHandle> GetGenericInstantiation(ImmutableArray<EntityHandle> genericType, ImmutableArray<ImmutableArray<EntityHandle>> typeArguments) =>
            [.. genericType, .. typeArguments.SelectMany(a => a)];

        public ImmutableArray<EntityHandle> GetGenericMethodParameter(object? genericContext, int index) => None;

        public ImmutableArray<EntityHandle> GetGenericTypeParameter(object? genericContext, int index) => None;

        public ImmutableArray<EntityHandle> GetModifiedType(ImmutableArray<EntityHandle> modifier, ImmutableArray<EntityHandle> unmodifiedType, bool isRequired) =>
            [.. modifier, .. unmodifiedType];

        public ImmutableArray<EntityHandle> GetPinnedType(ImmutableArray<EntityHandle> elementType) => elementType;

        public ImmutableArray<EntityHandle> GetPointerType(ImmutableArray<EntityHandle> elementType) => elementType;

        public ImmutableArray<EntityHandle> GetPrimitiveType(PrimitiveTypeCode typeCode) => None;

        public ImmutableArray<EntityHandle> GetSZArrayType(ImmutableArray<EntityHandle> elementType) => elementType;

        public ImmutableArray<EntityHandle> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => [handle];

        public ImmutableArray<EntityHandle> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => [handle];

        public ImmutableArray<EntityHandle> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            graph.reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }
}
