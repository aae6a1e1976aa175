namespace AuthService.Adapters.Http.Contracts;

// Every field is nullable so that a missing one is a 422 naming the field, not a binding 400.
public sealed record RegisterRequest(string? Email, string? Phone, string? Password, string? Username, string? Name);

public sealed record RegisterResponse(Guid UserId, VerificationInfo Verification);

public sealed record VerificationInfo(string Channel, int ExpiresIn);

public sealed record VerifyEmailRequest(string? Email, string? Code);

public sealed record VerifyPhoneRequest(string? Phone, string? Code);

public sealed record VerifiedResponse(bool Verified);

public sealed record ContactRequest(string? Email, string? Phone);

public sealed record LoginRequest(string? Email, string? Phone, string? Username, string? Password, string? DeviceName);

public sealed record OtpVerifyRequest(string? Email, string? Phone, string? Code, string? DeviceName);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record ForgotPasswordRequest(string? Email);

public sealed record ResetPasswordRequest(string? Email, string? Code, string? NewPassword);
