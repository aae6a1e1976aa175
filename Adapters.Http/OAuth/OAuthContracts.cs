using System.ComponentModel.DataAnnotations;
using AuthService.Application.OAuth;

namespace AuthService.Adapters.Http.OAuth;

// Every field is nullable so that a missing one is a 422 naming the field, not a binding 400.
public sealed record OAuthExchangeRequest([Required] string? Code, string? DeviceName);

public sealed record OAuthTokenRequest([Required] string? Code, [Required] string? CodeVerifier, [Required] string? RedirectUri, string? Nonce, string? DeviceName);

public sealed record LinkTicketResponse(string Ticket, int ExpiresIn);

// code_verifier and redirect_uri are left out when `code` is our callback's code after a link ticket.
public sealed record LinkIdentityRequest([Required] string? Code, string? CodeVerifier, string? RedirectUri, string? Nonce);

public sealed record IdentityResponse(string Provider, string? Subject, string? Email, DateTimeOffset LinkedAt)
{
    public static IdentityResponse From(IdentityView view) => new(view.Provider, view.Subject, view.Email, view.LinkedAt);
}
