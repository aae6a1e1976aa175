using System.Text;
using System.Text.Json;
using AuthService.Application.Abstractions;

namespace AuthService.Adapters.Crypto.Tokens;

/// <summary>The JWK Set is built once: keys change only with a restart.</summary>
internal sealed class JwksPublisher : IKeySetPublisher
{
    public JwksPublisher(SigningKeyRing ring)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("keys");
            foreach (var key in ring.All)
            {
                json.WriteStartObject();
                json.WriteString("kty", "EC");
                json.WriteString("crv", "P-256");
                json.WriteString("x", key.X);
                json.WriteString("y", key.Y);
                json.WriteString("kid", key.KeyId);
                json.WriteString("use", "sig");
                json.WriteString("alg", "ES256");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        JwksJson = Encoding.UTF8.GetString(buffer.ToArray());
    }

    public string JwksJson { get; }
}
