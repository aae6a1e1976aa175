using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace AuthService.Adapters.Crypto.Tokens;

/// <summary>One ES256 key with its RFC 7638 thumbprint as <c>kid</c>.</summary>
internal sealed class SigningKey
{
    public const string P256Oid = "1.2.840.10045.3.1.7";

    public SigningKey(ECDsa ecdsa, string source)
    {
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        X = Base64Url.EncodeToString(parameters.Q.X);
        Y = Base64Url.EncodeToString(parameters.Q.Y);
        KeyId = Thumbprint(X, Y);
        Source = source;
        SecurityKey = new ECDsaSecurityKey(ecdsa) { KeyId = KeyId };
        Credentials = new SigningCredentials(SecurityKey, SecurityAlgorithms.EcdsaSha256);
    }

    public string KeyId { get; }

    /// <summary>Where it came from (a file name or the variable), for logs; never the key.</summary>
    public string Source { get; }

    public string X { get; }

    public string Y { get; }

    public ECDsaSecurityKey SecurityKey { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>Reads a PEM private key; null (with a reason) unless it is EC P-256.</summary>
    public static SigningKey? FromPem(string pem, string source, out string error)
    {
        error = string.Empty;
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
            var parameters = ecdsa.ExportParameters(includePrivateParameters: true);
            if (ecdsa.KeySize != 256 || !IsP256(parameters.Curve) || parameters.D is null)
            {
                error = "is not an EC P-256 private key";
                ecdsa.Dispose();
                return null;
            }

            return new SigningKey(ecdsa, source);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            error = "is not a PEM EC P-256 private key (PKCS#8 or SEC1)";
            ecdsa.Dispose();
            return null;
        }
    }

    private static bool IsP256(ECCurve curve) =>
        curve.Oid?.Value == P256Oid || curve.Oid?.FriendlyName is "nistP256" or "ECDSA_P256" or "secp256r1" or "prime256v1";

    /// <summary>RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace.</summary>
    private static string Thumbprint(string x, string y)
    {
        var canonical = $$"""{"crv":"P-256","kty":"EC","x":"{{x}}","y":"{{y}}"}""";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
