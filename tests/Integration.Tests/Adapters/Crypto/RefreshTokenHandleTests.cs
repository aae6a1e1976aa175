using AuthService.Adapters.Crypto;
using AuthService.Application.Abstractions;
using AuthService.Application.Sessions;

namespace AuthService.Integration.Tests.Adapters.Crypto;

public sealed class RefreshTokenHandleTests
{
    [Fact]
    public void New_NamesItsSession_AndEverySuccessorKeepsTheHandle()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var handles = sp.GetRequiredService<IRefreshTokenHandles>();
        var generator = sp.GetRequiredService<ISecretGenerator>();
        var session = Guid.CreateVersion7();

        var token = handles.New(session);
        var successor = generator.SuccessorOf(token);

        Assert.Matches("^[A-Za-z0-9_-]{86}$", token);
        Assert.NotEqual(token[43..], handles.New(session)[43..]);
        Assert.Equal(session, handles.SessionOf(token));
        Assert.Equal((token[..43], session), (successor[..43], handles.SessionOf(successor)));
        Assert.Equal(successor, generator.SuccessorOf(token));
        Assert.Equal(session, handles.SessionOf(generator.SuccessorOf(successor)));
    }

    [Fact]
    public void SessionOf_AForgedOrForeignHandle_OrATokenWithoutOne_IsNull()
    {
        using var sp = Start(CryptoSettings.WithPrivateKey());
        var handles = sp.GetRequiredService<IRefreshTokenHandles>();
        var token = handles.New(Guid.CreateVersion7());
        var other = CryptoSettings.WithPrivateKey();
        other["AUTH:HMAC_SECRET"] = "another-secret-that-is-long-enough-0123456789";
        using var elsewhere = Start(other);

        Assert.Null(handles.SessionOf(token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..]));
        Assert.Null(elsewhere.GetRequiredService<IRefreshTokenHandles>().SessionOf(token));
        Assert.Null(handles.SessionOf(sp.GetRequiredService<ISecretGenerator>().NewOpaqueToken()));
        Assert.Null(handles.SessionOf(new string('!', 86)));
        Assert.Null(handles.SessionOf(string.Empty));
    }

    private static ServiceProvider Start(Dictionary<string, string?> settings) =>
        AdapterHost.Start((s, c) => s.AddCrypto(c), settings);
}
