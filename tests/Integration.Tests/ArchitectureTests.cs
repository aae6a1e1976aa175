using System.Reflection;

namespace AuthService.Integration.Tests;

/// <summary>The dependency rule: Domain &lt;- Application &lt;- Adapters.* &lt;- Host, read from assembly references.</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] Adapters =
        ["Adapters.Http", "Adapters.Postgres", "Adapters.Redis", "Adapters.Crypto", "Adapters.Smtp", "Adapters.Oidc", "Adapters.Webhooks"];

    [Fact]
    public void Domain_ReferencesNoOtherProjectAndNoFramework()
    {
        var refs = References("Domain");
        Assert.DoesNotContain(refs, r => r.StartsWith("AuthService.", StringComparison.Ordinal));
        Assert.DoesNotContain(refs, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Application_ReferencesOnlyDomain()
    {
        var own = References("Application").Where(r => r.StartsWith("AuthService.", StringComparison.Ordinal));
        Assert.Equal(["AuthService.Domain"], own);
        Assert.DoesNotContain(References("Application"), r => r.StartsWith("Npgsql", StringComparison.Ordinal)
            || r.StartsWith("StackExchange", StringComparison.Ordinal) || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AdapterNames))]
    public void Adapter_ReferencesApplicationAndDomainOnly(string adapter)
    {
        var own = References(adapter).Where(r => r.StartsWith("AuthService.", StringComparison.Ordinal)).ToHashSet();
        own.ExceptWith(["AuthService.Application", "AuthService.Domain"]);
        if (adapter == "Adapters.Postgres")
        {
            // The schema's migrations are the PostgreSQL adapter's own, kept in a project of their own.
            own.Remove("AuthService.Migrations");
        }

        Assert.Empty(own);
    }

    [Fact]
    public void Migrations_ReferenceNoOtherProject()
    {
        Assert.DoesNotContain(References("Migrations"), r => r.StartsWith("AuthService.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AdapterNames))]
    public void Adapter_EntryPoint_IsTechAdapterAddTech(string adapter)
    {
        // One naming for every adapter: AuthService.Adapters.Redis.RedisAdapter.AddRedis, and so on.
        var tech = adapter["Adapters.".Length..];
        var type = Assembly.Load("AuthService." + adapter).GetType($"AuthService.{adapter}.{tech}Adapter");

        Assert.NotNull(type);
        Assert.NotNull(type.GetMethod("Add" + tech));
    }

    public static TheoryData<string> AdapterNames() => new(Adapters);

    private static List<string> References(string project) =>
        Assembly.Load("AuthService." + project).GetReferencedAssemblies().Select(a => a.Name!).ToList();
}
