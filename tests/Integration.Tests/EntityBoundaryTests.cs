using System.Reflection;
using System.Runtime.CompilerServices;

namespace AuthService.Integration.Tests;

/// <summary>
/// Domain entities never leave Application: no type of <c>AuthService.Domain</c> appears in a
/// signature of Adapters.Http, nor in what a use case an endpoint calls takes or returns. The one exception is
/// <c>AuthService.Domain.Common</c> (<c>Result</c>, <c>Error</c>, <c>ErrorCode</c>): expected
/// failures are domain errors with a stable code that Adapters.Http maps to HTTP in one table.
/// </summary>
public sealed class EntityBoundaryTests
{
    private const BindingFlags Members =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Assembly Http = Assembly.Load("AuthService.Adapters.Http");
    private static readonly Assembly Application = Assembly.Load("AuthService.Application");

    [Fact]
    public void HttpAdapter_PublicSignatures_NameNoDomainType() => AssertNone(PublicSignatureLeaks());

    [Fact]
    public void HttpAdapter_AnySignature_NamesNoDomainEntity() => AssertNone(SignatureLeaks());

    [Fact]
    public void UseCases_TakeAndReturnNoDomainEntity() => AssertNone(UseCaseLeaks());

    private static List<string> PublicSignatureLeaks() =>
        Http.GetExportedTypes()
            .SelectMany(t => Signatures(t, publicOnly: true).Select(s => (Where: $"{t.Name}.{s.Member}", s.Type)))
            .Where(s => Leaks(s.Type, allowCommon: false))
            .Select(s => $"{s.Where}: {s.Type.Name}")
            .Distinct()
            .ToList();

    private static List<string> SignatureLeaks() =>
        Http.GetTypes()
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute)))
            .SelectMany(t => Signatures(t, publicOnly: false).Select(s => (Where: $"{t.Name}.{s.Member}", s.Type)))
            .Where(s => Leaks(s.Type, allowCommon: true))
            .Select(s => $"{s.Where}: {s.Type.Name}")
            .Distinct()
            .ToList();

    private static List<string> UseCaseLeaks()
    {
        // The use cases endpoints call: every Application interface a handler (lambdas included) takes.
        var useCases = Http.GetTypes()
            .SelectMany(t => t.GetMethods(Members))
            .SelectMany(m => m.GetParameters())
            .Select(p => p.ParameterType)
            .Where(t => t.IsInterface && t.Assembly == Application)
            .Distinct();

        var leaks = new List<string>();
        foreach (var port in useCases)
        {
            foreach (var method in port.GetMethods())
            {
                var types = method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType);
                leaks.AddRange(Reachable(types)
                    .Where(t => !t.IsGenericType && Leaks(t, allowCommon: true))
                    .Select(t => $"{port.Name}.{method.Name}: {t.Name}"));
            }
        }

        return leaks.Distinct().ToList();
    }

    private static void AssertNone(List<string> leaks) => Assert.True(leaks.Count == 0, "Domain types leak:\n" + string.Join('\n', leaks));

    private static IEnumerable<(string Member, Type Type)> Signatures(Type type, bool publicOnly)
    {
        bool Visible(MethodBase? m) => m is not null && (!publicOnly || m.IsPublic || m.IsFamily);

        foreach (var m in type.GetMethods(Members).Where(m => Visible(m) && !m.IsSpecialName && !m.IsDefined(typeof(CompilerGeneratedAttribute))))
        {
            yield return (m.Name, m.ReturnType);
            foreach (var p in m.GetParameters())
            {
                yield return (m.Name, p.ParameterType);
            }
        }

        foreach (var c in type.GetConstructors(Members).Where(c => Visible(c)))
        {
            foreach (var p in c.GetParameters())
            {
                yield return (".ctor", p.ParameterType);
            }
        }

        foreach (var p in type.GetProperties(Members).Where(p => Visible(p.GetMethod) || Visible(p.SetMethod)))
        {
            yield return (p.Name, p.PropertyType);
        }

        foreach (var f in type.GetFields(Members).Where(f => (!publicOnly || f.IsPublic) && !f.IsDefined(typeof(CompilerGeneratedAttribute))))
        {
            yield return (f.Name, f.FieldType);
        }
    }

    /// <summary>The given types and, for Application's own records and classes, the types of their properties, transitively.</summary>
    private static IEnumerable<Type> Reachable(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(roots);
        while (queue.TryDequeue(out var type))
        {
            foreach (var t in Parts(type).Where(seen.Add))
            {
                yield return t;
                if (t.Assembly == Application && !t.IsInterface)
                {
                    foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    {
                        queue.Enqueue(p.PropertyType);
                    }
                }
            }
        }
    }

    private static bool Leaks(Type type, bool allowCommon) =>
        Parts(type).Any(t => t.Namespace is { } ns
            && (ns == "AuthService.Domain" || ns.StartsWith("AuthService.Domain.", StringComparison.Ordinal))
            && !(allowCommon && ns == "AuthService.Domain.Common"));

    /// <summary>A type with its element and generic argument types (Task&lt;Result&lt;User&gt;&gt; gives User too).</summary>
    private static IEnumerable<Type> Parts(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var t in Parts(type.GetElementType()!))
            {
                yield return t;
            }

            yield break;
        }

        yield return type;
        if (type.IsGenericType)
        {
            foreach (var t in type.GetGenericArguments().SelectMany(Parts))
            {
                yield return t;
            }
        }
    }
}
