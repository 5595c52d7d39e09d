using System.Net;
using System.Text.RegularExpressions;
using Agency.Infrastructure.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Agency.Portal.Tests.Support;

/// <summary>The real Portal on a throw-away SQLite file, seeded with the demo agency.</summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("agency-portal-");

    /// <summary>The SQLite file the Portal runs on.</summary>
    public string DatabaseFile => Path.Combine(_dir.FullName, "agency.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={DatabaseFile}");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Jobs:Enabled", "false");
        // Each factory has its own mail sink on a port the system chooses: test classes run side by side, and one sink shared on the
        // development port goes away with the class that started it, leaving the others' mail nowhere to go.
        builder.UseSetting("Smtp:Port", "0");
        builder.UseSetting("Smtp:SinkDirectory", Path.Combine(_dir.FullName, "mail"));
        builder.ConfigureTestServices(ReplaceServices);
    }

    /// <summary>Services a test fixture replaces in the real Portal.</summary>
    protected virtual void ReplaceServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) { }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Signs in through the real sign-in form, as a browser would.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = DemoData.Password)
    {
        var client = Anonymous();
        var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/Account/Login");
        return await client.PostAsync(
            "/Account/Login",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = Antiforgery(page),
                    ["_handler"] = "login",
                    ["Input.Email"] = email,
                    ["Input.Password"] = password,
                }
            )
        );
    }

    public static string Antiforgery(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } token
            ? token
            : throw new InvalidOperationException("No antiforgery token on the page.");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
            return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        { /* a pooled handle may linger; temp is cleaned by the OS */
        }
    }
}
