using Agency.Portal.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Agency.Portal.Tests.Operations;

/// <summary>The first run prints the sign-in details last (issue 26: a hundred HTTP lines and a key warning buried them).</summary>
public class StartupOutputTests
{
    private static IConfiguration Settings(string environment) =>
        new ConfigurationBuilder()
            .SetBasePath(Path.Combine(RepoPaths.Root(), "src", "Portal"))
            .AddJsonFile("appsettings.json")
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .Build();

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public void Outgoing_http_calls_are_not_logged_one_by_one(string environment) =>
        Assert.Equal("Warning", Settings(environment)["Logging:LogLevel:System.Net.Http.HttpClient"]);

    [Fact]
    public void The_demo_does_not_warn_about_unencrypted_keys_but_production_does()
    {
        Assert.Equal("Error", Settings("Development")["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"]);
        Assert.Null(Settings("Production")["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"]);
    }
}
