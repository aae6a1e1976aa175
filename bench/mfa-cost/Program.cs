// The per-request CPU cost of the second factor, measured on the service's own adapters
// (AddCrypto): a TOTP check (decrypt the sealed seed, then RFC 6238 over the ±1 window) and a
// passkey assertion check (Fido2: client data, RP ID hash, flags, ES256 signature, counter),
// beside one Argon2id password verification with the service's default parameters, all on one
// thread in one run. No I/O: the database statements around them are not included.
using System.Buffers.Text;
using System.Diagnostics;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AuthService.Adapters.Crypto;
using AuthService.Application.Abstractions;
using AuthService.Application.Mfa;
using AuthService.Domain.Mfa;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

var seconds = double.Parse(Environment.GetEnvironmentVariable("MFA_COST_SECONDS") ?? "3", System.Globalization.CultureInfo.InvariantCulture);
using var signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["AUTH:HMAC_SECRET"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    ["CRYPTO:MASTER_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    ["JWT:PRIVATE_KEY"] = signingKey.ExportPkcs8PrivateKeyPem(),
    ["WEBAUTHN:RP_ID"] = "localhost",
    ["WEBAUTHN:ORIGINS"] = "http://localhost:8001",
}).Build();
var services = new ServiceCollection().AddLogging();
services.AddCrypto(configuration);
await using var provider = services.BuildServiceProvider();
var totp = provider.GetRequiredService<ITotpAlgorithm>();
var cipher = provider.GetRequiredService<ISecretCipher>();
var webAuthn = provider.GetRequiredService<IWebAuthn>();
var passwords = provider.GetRequiredService<IPasswordHasher>();

// TOTP: the sealed seed as stored, the code an app shows now, and one that matches no step.
var userId = Guid.CreateVersion7();
var seed = totp.NewSecret();
var context = new SecretContext(userId, "totp-secret");
var sealedSeed = cipher.Encrypt(seed, context);
var rightCode = new Totp(seed).ComputeTotp(DateTime.UtcNow);
var wrongCode = rightCode == "000000" ? "111111" : "000000";
long? VerifyTotp(string code)
{
    var opened = cipher.Decrypt(sealedSeed, context)!;
    var step = totp.MatchStep(opened.Plaintext, code, DateTimeOffset.UtcNow);
    CryptographicOperations.ZeroMemory(opened.Plaintext);
    return step;
}

// Passkey: an ES256 credential and assertions signed ahead of time, each with a higher counter.
using var credentialKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
var credentialId = RandomNumberGenerator.GetBytes(32);
var passkey = new Passkey
{
    Id = Guid.CreateVersion7(), UserId = userId, CredentialId = credentialId, PublicKey = CoseKey(credentialKey),
    SignCount = 0, Name = "bench", CreatedAt = DateTimeOffset.UtcNow,
};
var ceremony = webAuthn.RequestOptions([credentialId]);
var assertions = new List<string>();
for (var i = 1; i <= 4000; i++)
{
    assertions.Add(Assertion(ceremony.Challenge, (uint)i));
}

var argonHash = await passwords.HashAsync("correct horse battery staple", CancellationToken.None);

var results = new List<(string Name, double MicrosPerOp, long Ops)>
{
    Measure("TOTP verify, right code (decrypt seed + RFC 6238)", () => VerifyTotp(rightCode) is not null),
    Measure("TOTP verify, wrong code (all 3 steps tried)", () => VerifyTotp(wrongCode) is null),
    Measure("AES-256-GCM decrypt of the sealed seed alone", () => cipher.Decrypt(sealedSeed, context) is not null),
};
var next = 0;
results.Add(Measure("Passkey assertion verify (Fido2, ES256)", () =>
{
    var result = webAuthn.VerifyAssertionAsync(ceremony.OptionsJson, assertions[next], passkey, CancellationToken.None).GetAwaiter().GetResult();
    passkey.SignCount = result.SignCount;
    next++;
    return result.Outcome == AssertionOutcome.Valid;
}, maxOps: assertions.Count));
results.Add(Measure("Argon2id password verify (m=19 MiB, t=2), for scale", () =>
    passwords.VerifyAsync(argonHash, "correct horse battery staple", CancellationToken.None).GetAwaiter().GetResult() != PasswordVerification.Failed));

Console.WriteLine($"| measured on one thread, {seconds} s per row, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC | µs/op | ops/s | vs Argon2id |");
Console.WriteLine("|---|---:|---:|---:|");
var argon = results[^1].MicrosPerOp;
foreach (var (name, micros, _) in results)
{
    var ratio = micros == argon ? "-" : $"{argon / micros:F0}x cheaper";
    Console.WriteLine($"| {name} | {micros:F1} | {1_000_000 / micros:F0} | {ratio} |");
}

(string, double, long) Measure(string name, Func<bool> op, int maxOps = int.MaxValue)
{
    for (var i = 0; i < 3; i++)
    {
        if (!op())
        {
            throw new InvalidOperationException("Warm-up failed: " + name);
        }
    }

    var clock = Stopwatch.StartNew();
    long ops = 0;
    while (clock.Elapsed.TotalSeconds < seconds && ops + 3 < maxOps)
    {
        if (!op())
        {
            throw new InvalidOperationException("Failed: " + name);
        }

        ops++;
    }

    return (name, clock.Elapsed.TotalMicroseconds / ops, ops);
}

static byte[] CoseKey(ECDsa key)
{
    var p = key.ExportParameters(false);
    var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
    writer.WriteStartMap(5);
    writer.WriteInt32(1);
    writer.WriteInt32(2);    // kty: EC2
    writer.WriteInt32(3);
    writer.WriteInt32(-7);   // alg: ES256
    writer.WriteInt32(-1);
    writer.WriteInt32(1);    // crv: P-256
    writer.WriteInt32(-2);
    writer.WriteByteString(p.Q.X!);
    writer.WriteInt32(-3);
    writer.WriteByteString(p.Q.Y!);
    writer.WriteEndMap();
    return writer.Encode();
}

string Assertion(string challenge, uint counter)
{
    var clientData = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
    {
        ["type"] = "webauthn.get", ["challenge"] = challenge, ["origin"] = "http://localhost:8001", ["crossOrigin"] = false,
    });
    var authData = new byte[37];
    SHA256.HashData(Encoding.UTF8.GetBytes("localhost"), authData);
    authData[32] = 0x05; // user present, user verified
    System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(authData.AsSpan(33), counter);
    var signed = authData.Concat(SHA256.HashData(clientData)).ToArray();
    var signature = credentialKey.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    return JsonSerializer.Serialize(new
    {
        id = Base64Url.EncodeToString(credentialId),
        rawId = Base64Url.EncodeToString(credentialId),
        type = "public-key",
        response = new
        {
            clientDataJSON = Base64Url.EncodeToString(clientData),
            authenticatorData = Base64Url.EncodeToString(authData),
            signature = Base64Url.EncodeToString(signature),
            userHandle = Base64Url.EncodeToString(userId.ToByteArray(bigEndian: true)),
        },
        clientExtensionResults = new { },
    });
}
