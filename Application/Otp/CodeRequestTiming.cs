namespace AuthService.Application.Otp;

/// <summary>
/// Requests that may send a code (OTP start, verification resend, forgot password) answer no
/// sooner than <see cref="Floor"/> after they began, whether or not a code was sent. Sending one
/// (a row, a commit, a queued message) takes a millisecond or two that an unknown address does not,
/// and that difference would tell who has an account; under the floor both take the same time.
/// AUTH__CODE_REQUEST_FLOOR_MS (default 50 ms in the service; 0 here, for tests).
/// </summary>
public sealed class CodeRequestTiming
{
    public TimeSpan Floor { get; set; } = TimeSpan.Zero;
}
