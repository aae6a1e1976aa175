using System.ComponentModel.DataAnnotations;

namespace AuthService.Adapters.Http.Contracts;

// Every field is nullable so that a missing one is a 422 naming the field, not a binding 400;
// [Required] marks the fields the documents declare required (see OpenApi/SchemaRules).
// invite_token matters only while registration is invite-only (AUTH__REGISTRATION).
public sealed record RegisterRequest(
    string? Email, string? Phone, [Required] string? Password, string? Username, string? Name, string? InviteToken = null);

public sealed record RegisterResponse(Guid UserId, VerificationInfo Verification);

public sealed record VerificationInfo(string Channel, int ExpiresIn);

public sealed record VerifyEmailRequest([Required] string? Email, [Required] string? Code);

public sealed record VerifyPhoneRequest([Required] string? Phone, [Required] string? Code);

public sealed record VerifiedResponse(bool Verified);

public sealed record ContactRequest(string? Email, string? Phone);

public sealed record LoginRequest(string? Email, string? Phone, string? Username, [Required] string? Password, string? DeviceName);

public sealed record OtpVerifyRequest(string? Email, string? Phone, [Required] string? Code, string? DeviceName);

public sealed record RefreshRequest([Required] string? RefreshToken);

public sealed record ForgotPasswordRequest([Required] string? Email);

public sealed record ResetPasswordRequest([Required] string? Email, [Required] string? Code, [Required] string? NewPassword);
