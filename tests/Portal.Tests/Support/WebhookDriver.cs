using System.Net.Http.Headers;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Seeding;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agency.Portal.Tests.Support;

/// <summary>A demo channel account and the brand scope it lives in.</summary>
public sealed record DemoAccount(Guid Id, TenantScope Brand);

/// <summary>What a platform does against the Portal: find a demo account, post to its webhook, and look at what was stored.</summary>
public static class WebhookDriver
{
    public static async Task<DemoAccount> AccountAsync(
        this PortalFactory factory,
        string brandSlug,
        string handle,
        Domain.Channels.Network network = Domain.Channels.Network.X
    )
    {
        var setup = factory.Services.GetRequiredService<DatabaseSetup>();
        await using var g = setup.Create(TenantScope.None);
        var agency = (await g.Agencies.SingleAsync(a => a.Slug == DemoData.AgencySlug)).Id;
        await using var a = setup.Create(TenantScope.ForAgency(agency, TenantSource.System));
        var brand = (await a.Brands.SingleAsync(b => b.Slug == brandSlug)).Id;
        var scope = TenantScope.ForBrand(agency, brand, TenantSource.System);
        await using var b = setup.Create(scope);
        return new DemoAccount((await b.ChannelAccounts.SingleAsync(x => x.Handle == handle && x.Network == network)).Id, scope);
    }

    public static async Task<T> InBrandAsync<T>(this PortalFactory factory, DemoAccount account, Func<AgencyDbContext, Task<T>> query)
    {
        await using var db = factory.Services.GetRequiredService<DatabaseSetup>().Create(account.Brand);
        return await query(db);
    }

    public static Task<HttpResponseMessage> PostWebhookAsync(
        this PortalFactory factory,
        string path,
        byte[] body,
        string header,
        string? signature
    )
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (signature is not null)
            request.Headers.TryAddWithoutValidation(header, signature);
        return factory.Anonymous().SendAsync(request);
    }
}
