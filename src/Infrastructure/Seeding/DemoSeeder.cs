using Agency.Domain.Staff;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Seeding;

/// <summary>Seeds the demo agency once, into an empty database.</summary>
public sealed class DemoSeeder(
    DatabaseSetup database,
    UserManager<ApplicationUser> users,
    Intake.ChannelSecrets secrets,
    Intake.Importer importer,
    Routing.ConversationWork work,
    Planning.WorkloadPlanner planner,
    TimeProvider clock
)
{
    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        AgencyAccount agency;
        await using (var db = database.Create(TenantScope.None))
        {
            if (await db.Agencies.AnyAsync(a => a.Slug == DemoData.AgencySlug, ct))
                return false;
            agency = new AgencyAccount
            {
                Name = DemoData.AgencyName,
                Slug = DemoData.AgencySlug,
                DefaultTimeZone = "Europe/London",
                CreatedAt = now,
            };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(ct);
        }

        var tenant = TenantScope.ForAgency(agency.Id, TenantSource.System, userName: "Demo seed");
        var brands = DemoData.Brands.ToDictionary(
            b => b.Slug,
            b => new Brand
            {
                Name = b.Name,
                Slug = b.Slug,
                TimeZoneId = b.TimeZoneId,
                Color = b.Color,
                CreatedAt = now,
            }
        );
        var userIds = new Dictionary<string, string>();
        foreach (var u in DemoData.Users)
        {
            var user = new ApplicationUser
            {
                UserName = u.Email,
                Email = u.Email,
                EmailConfirmed = true,
                DisplayName = u.Name,
                AgencyId = agency.Id,
                CreatedAt = now,
            };
            Check(await users.CreateAsync(user, DemoData.Password));
            Check(await users.AddToRoleAsync(user, u.Role.ToString()));
            userIds[u.Email] = user.Id;
        }

        await using (var db = database.Create(tenant))
        {
            db.Brands.AddRange(brands.Values);
            foreach (var u in DemoData.Users)
            foreach (var slug in u.BrandSlugs)
                db.BrandMemberships.Add(
                    new BrandMembership
                    {
                        BrandId = brands[slug].Id,
                        UserId = userIds[u.Email],
                        Role = Roles.BrandRoleFor(u.Role),
                        CreatedAt = now,
                    }
                );

            var staff = DemoData.Staff.ToDictionary(
                s => s.Email,
                s => new StaffMember
                {
                    Name = s.Name,
                    Email = s.Email,
                    UserId = userIds.GetValueOrDefault(s.Email),
                    BrandIds = s.BrandSlugs.Select(x => brands[x].Id).ToList(),
                    Channels = s.Channels.ToList(),
                    Languages = s.Languages.ToList(),
                    MaxConcurrentConversations = s.Capacity,
                    CreatedAt = now,
                }
            );
            db.StaffMembers.AddRange(staff.Values);
            foreach (var t in DemoData.Teams)
            {
                var team = new Team
                {
                    Name = t.Name,
                    Description = t.Description,
                    CreatedAt = now,
                    BrandIds = t.BrandSlugs.Select(x => brands[x].Id).ToList(),
                    LeadStaffMemberId = staff[t.LeadEmail].Id,
                    Members = t.MemberEmails.Select(e => new TeamMember { StaffMemberId = staff[e].Id }).ToList(),
                };
                db.Teams.Add(team);
            }
            DemoService.AddShifts(db, staff.Values.ToList(), now);
            await db.SaveChangesAsync(ct);
        }

        foreach (var brand in brands)
        {
            await using var db = database.Create(tenant.WithBrand(brand.Value.Id));
            db.BrandHolidays.AddRange(
                DemoData
                    .Holidays.Where(h => h.BrandSlug == brand.Key)
                    .Select(h => new Domain.Calendars.BrandHoliday { Date = h.Date, Name = h.Name })
            );
            db.ChannelAccounts.AddRange(
                DemoData
                    .Accounts.Where(a => a.BrandSlug == brand.Key)
                    .Select(a => new Domain.Channels.ChannelAccount
                    {
                        Network = a.Network,
                        Handle = a.Handle,
                        ExternalAccountId = a.ExternalId,
                        Department = a.Department,
                        CreatedAt = now,
                        AppSecretProtected = secrets.Protect(DemoData.WebhookSecret),
                        VerifyTokenProtected = secrets.Protect(DemoData.WebhookSecret),
                        AccessTokenProtected = secrets.Protect(DemoData.AccessToken),
                    })
            );
            DemoService.AddBrandSetup(db);
            await db.SaveChangesAsync(ct);
        }

        // Real customer-care tweets for the demo brands' X accounts (rows for other brands are left out).
        await using var sample = typeof(DemoSeeder).Assembly.GetManifestResourceStream("Agency.Seeding.twcs-sample.csv")
            ?? throw new InvalidOperationException("The demo data set is missing from the assembly.");
        using var reader = new StreamReader(sample);
        await importer.ImportAsync(agency.Id, reader, Intake.ImportFormat.Twcs, new Intake.ImportOptions { ShiftToNow = true }, ct: ct);
        foreach (var brand in brands.Values)
            await CloseHistoryAsync(tenant.WithBrand(brand.Id), ct);
        // Forecasts from the imported history, so staff needed and the roster have figures from the start.
        foreach (var brand in brands.Values)
            await planner.PlanAsync(tenant.WithBrand(brand.Id), null, ct);
        return true;
    }

    // The sample spans weeks; what went quiet more than a day ago is history, as it would be in a
    // running workspace. Only the last day's conversations stay open for the demo's queues.
    private async Task CloseHistoryAsync(TenantScope brand, CancellationToken ct)
    {
        await using var db = database.Create(brand);
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var old = await db
            .Conversations.Where(c => c.Status != Domain.Conversations.ConversationStatus.Resolved && c.LastActivityAt < cutoff)
            .ToListAsync(ct);
        if (old.Count == 0)
            return;
        var brandWork = await Routing.BrandWork.LoadAsync(db, ct);
        foreach (var c in old)
        {
            c.Resolve(c.LastActivityAt);
            c.AssignedStaffId = null;
            work.Refresh(db, brandWork, c);
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
