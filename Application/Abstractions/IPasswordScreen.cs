namespace AuthService.Application.Abstractions;

/// <summary>
/// Tells commonly used and breached passwords apart from the rest, case-insensitively, in memory
/// (a lookup costs well under a microsecond, so it runs inside validation).
/// </summary>
public interface IPasswordScreen
{
    /// <summary>How many distinct passwords the list holds.</summary>
    int Count { get; }

    bool IsCommon(string password);
}
