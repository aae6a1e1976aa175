namespace AuthService.Adapters.Http.Contracts;

/// <summary>The shape of /.well-known/jwks.json for the documents (the body itself is written by the key ring).</summary>
public sealed record JwkSetResponse(IReadOnlyList<JwkResponse> Keys);

/// <summary>One public EC P-256 key (RFC 7517/7518): <c>kty</c> EC, <c>crv</c> P-256, <c>alg</c> ES256, <c>use</c> sig.</summary>
public sealed record JwkResponse(string Kty, string Crv, string X, string Y, string Kid, string Use, string Alg);
