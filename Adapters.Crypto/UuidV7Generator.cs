using AuthService.Application.Abstractions;

namespace AuthService.Adapters.Crypto;

/// <summary>Time-ordered ids keep B-tree inserts local and sort by creation.</summary>
internal sealed class UuidV7Generator(TimeProvider time) : IIdGenerator
{
    public Guid NewId() => Guid.CreateVersion7(time.GetUtcNow());
}
