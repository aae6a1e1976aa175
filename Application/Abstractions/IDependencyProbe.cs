namespace AuthService.Application.Abstractions;

/// <summary>One backing service (PostgreSQL, Redis) answering a readiness check.</summary>
public interface IDependencyProbe
{
    string Name { get; }

    Task<bool> IsReadyAsync(CancellationToken ct);
}
