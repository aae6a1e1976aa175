using AuthService.Application.OAuth;

namespace AuthService.Application.Tests.OAuth;

/// <summary>State handling of the browser flow: start and callback.</summary>
public sealed class OAuthFlowTests
{
    private const string AppUri = "http://localhost:3000/callback";
    private readonly OAuthFakes _f = new();
    private static readonly CancellationToken Ct = CancellationToken.None;

    private const string Browser = "browser-1";

    private StartOAuth Start() => new(new StartOAuthCommandValidator(_f.Settings), _f.Gateway, _f.States, _f.Codes, _f.Core.Secrets, _f.Core.Hasher, _f.Settings, _f.Core.Clock);

    private CompleteOAuthCallback Callback() => new(
        _f.States, _f.Codes, _f.Gateway, _f.Resolver(), _f.Core.Secrets, _f.Core.Hasher, _f.Core.Uow, _f.Settings, _f.Core.Clock);

    private static OAuthState State(OAuthIntent intent = OAuthIntent.Login, Guid? userId = null) =>
        new(OAuthFakes.Provider, intent, "verifier", "nonce-1", AppUri, "app-state", userId, DateTimeOffset.UnixEpoch, "h:" + Browser);

    [Fact]
    public async Task Start_WithUnlistedRedirect_IsRefused_AndStoresNothing()
    {
        var result = await Start().ExecuteAsync(
            new StartOAuthCommand(OAuthFakes.Provider, AppUri + "/", OAuthIntent.Login, null, null), Ct);

        Assert.Equal(ErrorCode.ValidationError, result.Error!.Code);
        await _f.States.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task Start_BindsVerifierNonceRedirectAndUser_ToTheState_ForTenMinutes()
    {
        var user = Guid.CreateVersion7();
        OAuthAuthorizationRequest? sent = null;
        _f.Gateway.BuildAuthorizationUrlAsync(Arg.Do<OAuthAuthorizationRequest>(r => sent = r), Ct)
            .Returns(new Uri("https://provider.example/auth"));

        var result = await Start().ExecuteAsync(new StartOAuthCommand(OAuthFakes.Provider, AppUri, OAuthIntent.Link, user, "s"), Ct);

        Assert.True(result.IsSuccess);
        var binding = result.Value.BrowserBinding;
        await _f.States.Received(1).SaveAsync(
            sent!.State,
            Arg.Is<OAuthState>(s => s.Nonce == sent.Nonce && Pkce.ChallengeOf(s.CodeVerifier) == sent.CodeChallenge
                && s.UserId == user && s.Intent == OAuthIntent.Link && s.AppRedirectUri == AppUri
                && s.BrowserBindingHash == "h:" + binding && !s.ConfirmLink),
            TimeSpan.FromMinutes(10),
            Ct);
    }

    [Fact]
    public async Task Start_LinkWithoutSignedInUser_IsUnauthorized()
    {
        var result = await Start().ExecuteAsync(new StartOAuthCommand(OAuthFakes.Provider, AppUri, OAuthIntent.Link, null, null), Ct);
        Assert.Equal(ErrorCode.Unauthorized, result.Error!.Code);
    }

    [Fact]
    public async Task Callback_WithUnknownOrReplayedState_IsInvalidState_AndRedeemsNothing()
    {
        var result = await Callback().ExecuteAsync(
            new OAuthCallbackCommand(OAuthFakes.Provider, "code", "replayed", null, null, OAuthFakes.Client), Ct);

        Assert.Equal(ErrorCode.InvalidOAuthState, result.Error!.Code);
        await _f.Gateway.DidNotReceiveWithAnyArgs().RedeemCodeAsync(default!, default);
    }

    [Fact]
    public async Task Callback_ForAnotherProvider_IsInvalidState()
    {
        _f.States.TakeAsync("s1", Ct).Returns(State());

        var result = await Callback().ExecuteAsync(new OAuthCallbackCommand("github", "code", "s1", null, null, OAuthFakes.Client), Ct);

        Assert.Equal(ErrorCode.InvalidOAuthState, result.Error!.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("browser-2")]
    public async Task Callback_FromABrowserWithoutTheBindingCookie_IsInvalidState_AndRedeemsNothing(string? browser)
    {
        _f.States.TakeAsync("s1", Ct).Returns(State());

        var result = await Callback().ExecuteAsync(
            new OAuthCallbackCommand(OAuthFakes.Provider, "code", "s1", null, null, OAuthFakes.Client, browser), Ct);

        Assert.Equal(ErrorCode.InvalidOAuthState, result.Error!.Code);
        await _f.Gateway.DidNotReceiveWithAnyArgs().RedeemCodeAsync(default!, default);
    }

    [Fact]
    public async Task Callback_RedeemsWithTheStoredVerifierAndNonce_AndHandsTheAppAOneTimeCode()
    {
        _f.States.TakeAsync("s1", Ct).Returns(State());
        _f.Gateway.RedeemCodeAsync(Arg.Any<OAuthCodeRedemption>(), Ct).Returns(OAuthFakes.Identity("new@example.test"));

        var result = await Callback().ExecuteAsync(
            new OAuthCallbackCommand(OAuthFakes.Provider, "code", "s1", null, null, OAuthFakes.Client, Browser), Ct);

        Assert.Equal(AppUri, result.Value.AppRedirectUri);
        Assert.Equal("app-state", result.Value.AppState);
        Assert.NotNull(result.Value.Code);
        await _f.Gateway.Received(1).RedeemCodeAsync(
            Arg.Is<OAuthCodeRedemption>(r => r.CodeVerifier == "verifier" && r.ExpectedNonce == "nonce-1" && r.RedirectUri == null), Ct);
        await _f.Codes.Received(1).SaveAsync(result.Value.Code!, Arg.Any<OAuthExchangeGrant>(), TimeSpan.FromSeconds(60), Ct);
    }

    [Fact]
    public async Task Callback_ProviderFailure_SendsTheErrorToTheApp_WithoutACode()
    {
        _f.States.TakeAsync("s1", Ct).Returns(State());
        _f.Gateway.RedeemCodeAsync(Arg.Any<OAuthCodeRedemption>(), Ct)
            .Returns(new Error(ErrorCode.InvalidOAuthState, "nonce mismatch"));

        var result = await Callback().ExecuteAsync(
            new OAuthCallbackCommand(OAuthFakes.Provider, "code", "s1", null, null, OAuthFakes.Client, Browser), Ct);

        Assert.Equal(ErrorCode.InvalidOAuthState, result.Value.Error!.Code);
        Assert.Null(result.Value.Code);
        await _f.Codes.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default, default);
    }
}
