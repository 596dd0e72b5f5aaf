using System.Reflection;
using System.Text;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Docs;

/// <summary>
/// The library's public surface is approved in tests/.../Golden/PublicApi.txt (PublicApiAnalyzers is not available
/// here). A change to the API fails this test until the file is updated: run the tests with MCRED_UPDATE_GOLDEN=1 and
/// review the diff.
/// </summary>
public class PublicApiTests
{
    [Test]
    public void PublicApi_MatchesTheApprovedFile()
    {
        var actual = Describe(typeof(MicroCredential).Assembly);
        var path = Shared.Repo("tests", "MicroCredentials.VC.Tests", "Golden", "PublicApi.txt");
        if (Environment.GetEnvironmentVariable("MCRED_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.That(File.Exists(path), Is.True, "no approved API file; run with MCRED_UPDATE_GOLDEN=1");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path)), "the public API changed; review and run with MCRED_UPDATE_GOLDEN=1");
    }

    [Test]
    public void PublicApi_EveryPublicTypeIsDocumented()
    {
        var xml = File.ReadAllText(Path.ChangeExtension(typeof(MicroCredential).Assembly.Location, ".xml"));
        var missing = typeof(MicroCredential).Assembly.GetExportedTypes()
            .Where(t => !xml.Contains("\"T:" + t.FullName!.Replace('+', '.') + "\"", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();
        Assert.That(missing, Is.Empty);
    }

    private static string Describe(Assembly assembly)
    {
        var sb = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            sb.Append(Kind(type)).Append(' ').Append(Name(type));
            var bases = new List<string>();
            if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
            {
                bases.Add(Name(b));
            }

            bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(Name).Order(StringComparer.Ordinal));
            if (bases.Count > 0)
            {
                sb.Append(" : ").Append(string.Join(", ", bases));
            }

            sb.Append('\n');
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = new List<string>();
            if (type.IsEnum)
            {
                members.AddRange(Enum.GetNames(type).Select(n => "  " + n));
            }
            else
            {
                foreach (var m in type.GetMembers(flags))
                {
                    var line = m switch
                    {
                        ConstructorInfo c => $"  ctor({Parameters(c)})",
                        MethodInfo mi when !mi.IsSpecialName => $"  {(mi.IsStatic ? "static " : string.Empty)}{Name(mi.ReturnType)} {mi.Name}{(mi.IsGenericMethod ? "<" + string.Join(", ", mi.GetGenericArguments().Select(Name)) + ">" : string.Empty)}({Parameters(mi)})",
                        PropertyInfo p => $"  {((p.GetMethod ?? p.SetMethod)!.IsStatic ? "static " : string.Empty)}{Name(p.PropertyType)} {p.Name} {{{(p.GetMethod?.IsPublic == true ? " get;" : string.Empty)}{(p.SetMethod?.IsPublic == true ? (p.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(x => x.Name == "IsExternalInit") ? " init;" : " set;") : string.Empty)} }}",
                        FieldInfo f => $"  {(f.IsLiteral ? "const " : f.IsStatic ? "static " : string.Empty)}{Name(f.FieldType)} {f.Name}",
                        EventInfo e => $"  event {Name(e.EventHandlerType!)} {e.Name}",
                        _ => null,
                    };
                    if (line is not null)
                    {
                        members.Add(line);
                    }
                }
            }

            foreach (var line in members.Order(StringComparer.Ordinal))
            {
                sb.Append(line).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string Kind(Type t) =>
        t.IsInterface ? "interface" : t.IsEnum ? "enum" : t.IsValueType ? "struct" : t.IsAbstract && t.IsSealed ? "static class" : t.IsSealed ? "sealed class" : t.IsAbstract ? "abstract class" : "class";

    private static string Parameters(MethodBase m) =>
        string.Join(", ", m.GetParameters().Select(p => (p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : string.Empty) + Name(p.ParameterType) + " " + p.Name + (p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : string.Empty)));

    private static string Name(Type t)
    {
        if (t.IsByRef)
        {
            return Name(t.GetElementType()!);
        }

        if (t.IsArray)
        {
            return Name(t.GetElementType()!) + "[]";
        }

        if (t.IsGenericType)
        {
            var name = t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)];
            return (t.Namespace is { } ns && !ns.StartsWith("System", StringComparison.Ordinal) ? ns + "." : string.Empty) + name + "<" + string.Join(", ", t.GetGenericArguments().Select(Name)) + ">";
        }

        return t.IsGenericParameter ? t.Name : (t.Namespace?.StartsWith("MicroCredentials", StringComparison.Ordinal) == true ? t.FullName!.Replace('+', '.') : t.Name);
    }
}
