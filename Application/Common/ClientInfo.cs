namespace AuthService.Application.Common;

/// <summary>Who is calling, as far as the transport knows; recorded on sessions and audit rows.</summary>
public sealed record ClientInfo(string? Ip, string? UserAgent, string? RequestId)
{
    public static readonly ClientInfo None = new(null, null, null);
}
