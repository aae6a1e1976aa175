// ASP.NET Core Identity peer for the AuthService benchmarks.
// The minimal setup the Identity API endpoints documentation shows, made
// production-like: EF Core + Npgsql with a pooled DbContext, bearer tokens,
// logging at Warning, Release build. Scenarios map to /register, /login,
// /refresh and /manage/info (Identity has no "list my sessions" endpoint).
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var connectionString = builder.Configuration["DATABASE_URL"]
    ?? Environment.GetEnvironmentVariable("DATABASE_URL")
    ?? throw new InvalidOperationException("DATABASE_URL is required");
connectionString = ToNpgsql(connectionString);

builder.Services.AddDbContextPool<PeerDbContext>(o => o.UseNpgsql(connectionString));
builder.Services.AddAuthorization();
builder.Services
    .AddIdentityApiEndpoints<IdentityUser>()
    .AddEntityFrameworkStores<PeerDbContext>();

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<PeerDbContext>();
    db.Database.EnsureCreated();
}

app.MapGet("/health", () => "ok");
app.MapIdentityApi<IdentityUser>();
app.Run();

// Accepts postgresql://user[:pass]@host:port/db as well as an Npgsql string.
static string ToNpgsql(string url)
{
    if (!url.StartsWith("postgres", StringComparison.Ordinal) || !url.Contains("://", StringComparison.Ordinal))
    {
        return url;
    }
    var uri = new Uri(url);
    var userInfo = uri.UserInfo.Split(':', 2);
    var user = Uri.UnescapeDataString(userInfo[0]);
    var pass = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "";
    var port = uri.Port > 0 ? uri.Port : 5432;
    var db = uri.AbsolutePath.TrimStart('/');
    var cs = $"Host={uri.Host};Port={port};Database={db};Username={user};Maximum Pool Size=50";
    if (pass.Length > 0)
    {
        cs += $";Password={pass}";
    }
    return cs;
}

internal sealed class PeerDbContext(DbContextOptions<PeerDbContext> options)
    : IdentityDbContext<IdentityUser>(options);
