using System.ComponentModel.DataAnnotations;

namespace AuthService.Adapters.Http.Contracts;

public sealed record UpdateProfileRequest(string? Name, string? Username, string? AvatarUrl);

public sealed record ChangePasswordRequest([Required] string? CurrentPassword, [Required] string? NewPassword);
