using System.Diagnostics;

namespace AuthService.Integration.Tests.Browser;

/// <summary>
/// One headless Chromium, one AuthService and two web-app origins for the whole browser test
/// class, so the rest of the suite never pays for a browser start. The allowed origin is in
/// WEBAUTHN__ORIGINS; the other one is not (same RP ID, another port).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private PageServer? _allowed;
    private PageServer? _wrong;
    private HeadlessChromium? _chromium;

    public PasskeyApp App { get; private set; } = null!;

    public string AllowedOrigin => _allowed!.Origin;

    public string WrongOrigin => _wrong!.Origin;

    /// <summary>How long starting all of it took (reported in the issue's closing note).</summary>
    public TimeSpan StartTime { get; private set; }

    internal HeadlessChromium Chromium => _chromium!;

    internal string Page { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        _allowed = await PageServer.StartAsync();
        _wrong = await PageServer.StartAsync();
        App = new PasskeyApp(_allowed.Origin);
        await App.InitializeAsync();
        _allowed.Upstream = _wrong.Upstream = new Uri($"http://127.0.0.1:{App.PublicPort}");
        _chromium = await HeadlessChromium.StartAsync();
        Page = await _chromium.NewPageAsync();
        await _chromium.DevTools.SendAsync("WebAuthn.enable", new { enableUI = false }, Page);
        StartTime = clock.Elapsed;
    }

    /// <summary>A fresh platform authenticator (ctap2, internal, resident keys, user verification) for one test.</summary>
    internal async Task<string> AddAuthenticatorAsync()
    {
        var added = await Chromium.DevTools.SendAsync("WebAuthn.addVirtualAuthenticator", new
        {
            options = new
            {
                protocol = "ctap2",
                transport = "internal",
                hasResidentKey = true,
                hasUserVerification = true,
                isUserVerified = true,
                automaticPresenceSimulation = true,
            },
        }, Page);
        return added.GetProperty("authenticatorId").GetString()!;
    }

    internal Task RemoveAuthenticatorAsync(string id) =>
        Chromium.DevTools.SendAsync("WebAuthn.removeVirtualAuthenticator", new { authenticatorId = id }, Page);

    internal Task OpenAsync(string origin) => Chromium.NavigateAsync(Page, origin + "/");

    /// <summary>Calls <c>window.authservice.&lt;function&gt;(args)</c> in the page and returns what it resolves to.</summary>
    internal Task<JsonElement> RunAsync(string function, params object?[] args) =>
        Chromium.EvaluateAsync(Page, $"window.authservice.{function}({string.Join(", ", args.Select(a => JsonSerializer.Serialize(a)))})");

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        await ((IAsyncLifetime)App).DisposeAsync();
        await _allowed!.DisposeAsync();
        await _wrong!.DisposeAsync();
    }
}

/// <summary>AuthService with the allowed origin as its WebAuthn relying party's only origin.</summary>
public sealed class PasskeyApp(string origin) : AuthServiceApp
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["WEBAUTHN:RP_ID"] = "localhost",
        ["WEBAUTHN:ORIGINS"] = origin,
    };
}
