using Microsoft.Extensions.DependencyInjection;

namespace AuthService.Application.Jobs;

/// <summary>How a singleton job uses a scoped service (a use case and its unit of work) for one round.</summary>
public static class JobScopes
{
    public static async Task<TResult> InScopeAsync<TService, TResult>(
        this IServiceScopeFactory scopes, Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static async Task InScopeAsync<TService>(this IServiceScopeFactory scopes, Func<TService, Task> work)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
