using Agency.Domain.Tenancy;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Features.Calendars;
using Agency.Portal.Tests.Support;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Agency.Portal.Tests.Calendars;

public sealed class CalendarPageTests : ComponentTestBase
{
    public CalendarPageTests() => Services.AddScoped<MarketingCalendar>();

    protected override async Task SeedAsync()
    {
        var brand = new Brand
        {
            Name = "Acme",
            Slug = "acme",
            TimeZoneId = "Europe/London",
        };
        await using (var db = Setup.Create(Tenant.Current))
        {
            db.Brands.Add(brand);
            await db.SaveChangesAsync();
        }
        Tenant.Set(Tenant.Current.WithBrand(brand.Id));
    }

    [Fact]
    public void An_event_is_added_with_field_messages_for_bad_input_and_removed()
    {
        var cut = Render<CalendarPage>(p => p.Add(x => x.Brand, "acme"));
        Button(cut, "Add event").Click();
        cut.WaitForAssertion(() => Assert.Contains("Name the event", cut.Markup));

        InputLabelled(cut, "Name").Change("Black Friday");
        InputLabelled(cut, "First day").Change("2026-11-27");
        InputLabelled(cut, "Last day").Change("2026-11-26");
        Button(cut, "Add event").Click();
        cut.WaitForAssertion(() => Assert.Contains("The last day cannot be before the first.", cut.Markup));

        InputLabelled(cut, "Last day").Change("2026-11-28");
        InputLabelled(cut, "Expected uplift (%)").Change("80");
        Button(cut, "Add event").Click();
        cut.WaitForAssertion(() => Assert.Contains("Black Friday", cut.Find("[aria-label='Marketing events']").TextContent));
        Assert.Contains("+80%", cut.Find("[aria-label='Marketing events']").TextContent);
        using (var db = Setup.Create(Tenant.Current))
            Assert.Equal(1.8, db.MarketingEvents.Single().ExpectedUplift!.Value, 6);

        cut.Find("[aria-label='Remove Black Friday']").Click();
        cut.WaitForAssertion(() => Assert.Contains("Nothing on the calendar yet.", cut.Markup));
    }
}
