using System.Net.Http.Headers;

namespace AuthService.Integration.Tests.Api;

/// <summary>
/// Each error status the documents declare, provoked for real: sweeps over every operation the
/// documents list (body errors, missing credentials, the wrong credentials, unknown ids, any
/// answer to an empty body) and one test each for the statuses a sweep cannot reach. Every answer
/// must be declared by its operation, with that code, in the envelope.
/// </summary>
public sealed class DeclaredStatusTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    private readonly ApiClient _api = app.Api();
    private DocumentedApi? _documents;
    private string? _userToken;
    private string? _adminToken;
    private string? _serviceKey;
    private string? _userApiKey;

    [Fact]
    public async Task EveryJsonBody_Answers415_400_413_AsDeclared()
    {
        var documents = await DocumentsAsync();
        foreach (var operation in documents.Operations.Where(o => o.HasBody))
        {
            using var text = new StringContent("{}", Encoding.UTF8, "text/plain");
            if (operation.DeclaredCodes(415).Count > 0)
            {
                await documents.DeclaredAsync(operation, await SendAsync(operation, text), 415, "UNSUPPORTED_MEDIA_TYPE");
            }
            else
            {
                // A body the handler reads itself (documented as such) is parsed whatever its content type.
                await documents.AnyDeclaredAsync(operation, await SendAsync(operation, text, await CredentialsAsync(operation)));
            }

            using var broken = new StringContent("{\"a\": ", Encoding.UTF8, "application/json");
            await documents.DeclaredAsync(operation, await SendAsync(operation, broken, await CredentialsAsync(operation)), 400, "MALFORMED_REQUEST");

            using var huge = new StringContent("{\"a\": \"" + new string('x', 70 * 1024) + "\"}", Encoding.UTF8, "application/json");
            await documents.DeclaredAsync(operation, await SendAsync(operation, huge, await CredentialsAsync(operation)), 413, "PAYLOAD_TOO_LARGE");
        }
    }

    [Fact]
    public async Task EveryProtectedOperation_Answers401WithoutCredentials()
    {
        var documents = await DocumentsAsync();
        foreach (var operation in documents.Operations.Where(o => o.Schemes.Count > 0))
        {
            await documents.DeclaredAsync(operation, await SendAsync(operation, Example(operation)), 401, "UNAUTHORIZED");
        }
    }

    [Fact]
    public async Task EverySessionOperation_Answers403ToAnApiKey_AndEveryAdminOperationToAUser()
    {
        var documents = await DocumentsAsync();
        var apiKey = await UserApiKeyAsync();
        foreach (var operation in documents.Operations.Where(o => o.Schemes is ["Bearer"]))
        {
            var response = await SendAsync(operation, Example(operation), ("X-API-Key", apiKey));
            await documents.DeclaredAsync(operation, response, 403, "FORBIDDEN");
        }

        var user = await UserTokenAsync();
        foreach (var operation in documents.Operations.Where(o => o.Admin && o.Schemes.Count > 0))
        {
            await documents.DeclaredAsync(operation, await SendAsync(operation, Example(operation), Bearer(user)), 403, "FORBIDDEN");
        }
    }

    [Fact]
    public async Task EveryIdRoute_Answers404ForAnUnknownId()
    {
        var documents = await DocumentsAsync();
        foreach (var operation in documents.Operations.Where(o => o.Route.Contains("{id}", StringComparison.Ordinal) && o.DeclaredCodes(404).Count > 0))
        {
            var response = await SendAsync(operation, Example(operation), await CredentialsAsync(operation));
            await documents.DeclaredAsync(operation, response, 404, "NOT_FOUND");
        }
    }

    [Fact]
    public async Task EveryBodyOperation_AnswersAnEmptyObjectAsDeclared()
    {
        var documents = await DocumentsAsync();
        // Operations that declare errors of their own (.Fails); a route that declares none yet is left to review.
        foreach (var operation in documents.Operations.Where(o => o.HasBody && o.DeclaresDomainErrors))
        {
            using var empty = new StringContent("{}", Encoding.UTF8, "application/json");
            await documents.AnyDeclaredAsync(operation, await SendAsync(operation, empty, await CredentialsAsync(operation)));
        }
    }

    [Fact]
    public async Task EveryDocumentedPath_Answers405WithAnAllowHeaderListingItsDocumentedMethods()
    {
        var documents = await DocumentsAsync();
        foreach (var path in documents.Operations.GroupBy(o => (o.Route, o.Admin)))
        {
            var documented = path.Select(o => o.Method.ToUpperInvariant()).Order(StringComparer.Ordinal).ToList();
            var wrong = new[] { "PUT", "PATCH", "DELETE", "POST" }.First(m => !documented.Contains(m));
            var first = path.First();
            var response = await SendAsync(first with { Method = wrong.ToLowerInvariant() }, null);
            await Expect.ErrorAsync(response, 405, "METHOD_NOT_ALLOWED");
            Assert.Equal(documented, response.Content.Headers.Allow.Order(StringComparer.Ordinal).ToList());
        }
    }

    [Fact]
    public async Task Register_Twice_Is409IdentifierTaken()
    {
        var documents = await DocumentsAsync();
        var email = await _api.RegisterVerifiedAsync();
        var again = await _api.PostAsync("/api/v1/auth/register", new { email, password = ApiClient.Password });
        await documents.DeclaredAsync(documents.Find("post", "/api/v1/auth/register"), again, 409, "IDENTIFIER_TAKEN");
    }

    [Fact]
    public async Task Login_Statuses_401_403_422_423()
    {
        var documents = await DocumentsAsync();
        var login = documents.Find("post", "/api/v1/auth/login");
        var email = await _api.RegisterVerifiedAsync();
        await documents.DeclaredAsync(login, await _api.PostAsync(login.Route, new { email, password = "wrong password!!" }), 401, "INVALID_CREDENTIALS");
        await documents.DeclaredAsync(login, await _api.PostAsync(login.Route, new { password = "x" }), 422, "VALIDATION_ERROR");

        var unverified = ApiClient.NewEmail();
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/register", new { email = unverified, password = ApiClient.Password }), 201);
        await documents.DeclaredAsync(login, await _api.PostAsync(login.Route, new { email = unverified, password = ApiClient.Password }), 403, "EMAIL_NOT_VERIFIED");

        for (var i = 0; i < 4; i++)
        {
            await Expect.StatusAsync(await _api.PostAsync(login.Route, new { email, password = "wrong password!!" }), 401);
        }

        var locked = await _api.PostAsync(login.Route, new { email, password = ApiClient.Password });
        await documents.DeclaredAsync(login, locked, 423, "ACCOUNT_LOCKED");
        Assert.NotNull(locked.Headers.RetryAfter);
    }

    [Fact]
    public async Task VerifyCodes_400_And429_AndResendCooldown429()
    {
        var documents = await DocumentsAsync();
        var verify = documents.Find("post", "/api/v1/auth/verify/email");
        var email = ApiClient.NewEmail();
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/register", new { email, password = ApiClient.Password }), 201);
        var code = await _api.Mail.WaitForCodeAsync(email);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 4; i++)
        {
            await documents.DeclaredAsync(verify, await _api.PostAsync(verify.Route, new { email, code = wrong }), 400, "INVALID_OTP");
        }

        await documents.AnyDeclaredAsync(verify, await _api.PostAsync(verify.Route, new { email, code = wrong }));
        await documents.DeclaredAsync(verify, await _api.PostAsync(verify.Route, new { email, code }), 429, "OTP_ATTEMPTS_EXCEEDED");

        var resend = documents.Find("post", "/api/v1/auth/verify/resend");
        await documents.AnyDeclaredAsync(resend, await _api.PostAsync(resend.Route, new { email }));
        var cooled = await _api.PostAsync(resend.Route, new { email });
        await documents.DeclaredAsync(resend, cooled, 429, "RATE_LIMIT_EXCEEDED");
        Assert.NotNull(cooled.Headers.RetryAfter);
    }

    [Fact]
    public async Task Refresh_Reuse_Is401TokenReused()
    {
        var documents = await DocumentsAsync();
        var refresh = documents.Find("post", "/api/v1/auth/refresh");
        var tokens = await _api.LoginAsync(await _api.RegisterVerifiedAsync());
        var first = tokens.GetProperty("refresh_token").GetString();
        await Expect.StatusAsync(await _api.PostAsync(refresh.Route, new { refresh_token = first }), 200);

        // Past the grace window for concurrent tabs, a replay of a rotated token revokes the session.
        await app.ExecuteAsync("UPDATE refresh_tokens SET rotated_at = rotated_at - interval '1 hour' WHERE rotated_at IS NOT NULL");
        await documents.DeclaredAsync(refresh, await _api.PostAsync(refresh.Route, new { refresh_token = first }), 401, "TOKEN_REUSED");
        await documents.DeclaredAsync(refresh, await _api.PostAsync(refresh.Route, new { refresh_token = "garbage" }), 401, "INVALID_TOKEN");
    }

    private async Task<DocumentedApi> DocumentsAsync() => _documents ??= await DocumentedApi.LoadAsync(app);

    private async Task<(string, string)?> CredentialsAsync(DocumentedOperation operation) => operation.Schemes switch
    {
        [] => null,
        ["ApiKey"] => ("X-API-Key", await ServiceKeyAsync()),
        _ when operation.Admin => Bearer(await AdminTokenAsync()),
        _ => Bearer(await UserTokenAsync()),
    };

    private static (string, string) Bearer(string token) => ("Authorization", "Bearer " + token);

    private static StringContent? Example(DocumentedOperation operation) =>
        operation.Example is { } example ? new StringContent(example.ToJsonString(), Encoding.UTF8, "application/json") : null;

    private async Task<HttpResponseMessage> SendAsync(DocumentedOperation operation, HttpContent? content, (string Name, string Value)? credentials = null)
    {
        using var client = operation.Admin ? app.Admin() : app.Public();
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), operation.Path()) { Content = content };
        if (credentials is { } c)
        {
            request.Headers.TryAddWithoutValidation(c.Name, c.Value);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private async Task<string> UserTokenAsync() =>
        _userToken ??= (await _api.LoginAsync(await _api.RegisterVerifiedAsync())).GetProperty("access_token").GetString()!;

    private async Task<string> AdminTokenAsync() => _adminToken ??= await new AdminClient(app, _api).TokenAsync();

    private async Task<string> ServiceKeyAsync() => _serviceKey ??= await new AdminClient(app, _api).ServiceKeyAsync();

    private async Task<string> UserApiKeyAsync()
    {
        if (_userApiKey is null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/api-keys")
            {
                Content = new StringContent("{\"name\":\"sweep\",\"scopes\":[\"read\"]}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await UserTokenAsync());
            _userApiKey = (await Expect.JsonAsync(await _api.Http.SendAsync(request), 201)).GetProperty("key").GetString()!;
        }

        return _userApiKey;
    }
}
