using System.Net;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agency.Portal.Tests.Http;

/// <summary>Who may open the workspace, conversations and brand service settings, over real HTTP.</summary>
public sealed class WorkspaceAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<Guid> ConversationOfAsync(string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var setup = scope.ServiceProvider.GetRequiredService<DatabaseSetup>();
        var brands = await scope.ServiceProvider.GetRequiredService<CrossTenantReader>().ActiveBrandsAsync();
        var brand = brands.Single(b => b.Slug == slug);
        await using var db = setup.Create(TenantScope.ForBrand(brand.AgencyId, brand.BrandId, TenantSource.System));
        return await db.Conversations.Select(c => c.Id).FirstAsync();
    }

    [Theory]
    [InlineData("/workspace")]
    [InlineData("/shifts")]
    [InlineData("/b/delta/routing")]
    [InlineData("/b/delta/sla")]
    [InlineData("/b/delta/replies")]
    [InlineData("/b/delta/forwarded")]
    public async Task A_brand_manager_cannot_open_the_agency_s_working_pages(string path)
    {
        var client = await factory.SignInAsync("brandmanager@northbeam.example");
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_brand_manager_cannot_open_a_conversation_even_of_their_brand()
    {
        var id = await ConversationOfAsync("delta");
        var client = await factory.SignInAsync("brandmanager@northbeam.example");
        var response = await client.GetAsync($"/b/delta/conversations/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task An_agent_opens_conversations_of_their_brands_and_gets_404_elsewhere()
    {
        var apple = await ConversationOfAsync("apple");
        var delta = await ConversationOfAsync("delta");
        var client = await factory.SignInAsync("agent@northbeam.example");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/b/apple/conversations/{apple}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/b/delta/conversations/{delta}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/workspace")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/b/apple/routing")).StatusCode); // leads only
    }

    [Fact]
    public async Task A_conversation_of_one_brand_is_not_found_under_another_brand()
    {
        var amazon = await ConversationOfAsync("amazon");
        var client = await factory.SignInAsync("agent@northbeam.example");
        var html = await client.GetStringAsync($"/b/apple/conversations/{amazon}");
        Assert.Contains("This conversation does not exist in Apple Support.", html);
        var own = await client.GetStringAsync($"/b/amazon/conversations/{amazon}");
        Assert.DoesNotContain("does not exist", own);
    }

    [Fact]
    public async Task A_lead_opens_routing_service_levels_saved_replies_and_shifts()
    {
        var client = await factory.SignInAsync("lead@northbeam.example");
        foreach (var path in new[] { "/b/apple/routing", "/b/apple/sla", "/b/apple/replies", "/shifts", "/b/apple/forwarded" })
        {
            var r = await client.GetAsync(path);
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)r.StatusCode}");
        }
        Assert.Contains("Spam: no action", await client.GetStringAsync("/b/apple/routing"));
        Assert.Contains("X: within the hour", await client.GetStringAsync("/b/apple/sla"));
    }

    [Fact]
    public async Task The_marketing_owner_follows_forwarded_items_but_does_not_get_the_workspace()
    {
        var client = await factory.SignInAsync("marketing@northbeam.example");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/b/apple/forwarded")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/workspace")).StatusCode);
    }
}
