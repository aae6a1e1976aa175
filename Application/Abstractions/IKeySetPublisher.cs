namespace AuthService.Application.Abstractions;

/// <summary>The public signing keys (current and previous) as a JWK Set document.</summary>
public interface IKeySetPublisher
{
    string JwksJson { get; }
}
