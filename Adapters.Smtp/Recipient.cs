using System.Security.Cryptography;
using System.Text;

namespace AuthService.Adapters.Smtp;

/// <summary>What logs may say about a recipient: the mail domain and a short hash, never the address.</summary>
internal static class Recipient
{
    public static string Describe(string to)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(to.Trim().ToLowerInvariant())))[..12];
        var at = to.LastIndexOf('@');
        return at >= 0 ? $"*@{to[(at + 1)..]} #{hash}" : $"#{hash}";
    }
}
