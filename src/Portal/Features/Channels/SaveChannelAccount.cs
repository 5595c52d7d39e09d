using Agency.Domain.Channels;
using Agency.Infrastructure.Intake;
using Agency.Infrastructure.Persistence;
using Agency.Portal.Features.Common;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Channels;

public sealed class ChannelAccountInput
{
    public Guid? Id { get; set; }
    public Network? Network { get; set; }
    public string Handle { get; set; } = "";
    public string ExternalAccountId { get; set; } = "";
    public Department? Department { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>New secrets; empty keeps what is stored.</summary>
    public string? AppSecret { get; set; }
    public string? VerifyToken { get; set; }
    public string? AccessToken { get; set; }
    public bool HasAppSecret { get; set; }
    public bool HasVerifyToken { get; set; }
    public bool HasAccessToken { get; set; }

    public static ChannelAccountInput From(ChannelAccount a) =>
        new()
        {
            Id = a.Id,
            Network = a.Network,
            Handle = a.Handle,
            ExternalAccountId = a.ExternalAccountId,
            Department = a.Department,
            IsActive = a.IsActive,
            HasAppSecret = a.AppSecretProtected is not null,
            HasVerifyToken = a.VerifyTokenProtected is not null,
            HasAccessToken = a.AccessTokenProtected is not null,
        };
}

public sealed class ChannelAccountInputValidator : AbstractValidator<ChannelAccountInput>
{
    public ChannelAccountInputValidator()
    {
        RuleFor(x => x.Network).NotNull().WithMessage("Choose the network.").IsInEnum().WithMessage("Choose a network from the list.");
        RuleFor(x => x.Handle).NotEmpty().WithMessage("Enter the account's handle or page name.").MaximumLength(120);
        RuleFor(x => x.ExternalAccountId)
            .NotEmpty()
            .WithMessage("Enter the platform's id of the account.")
            .MaximumLength(64)
            .Matches("^[0-9]+$")
            .When(x => x.Network is Network.X or Network.Facebook or Network.Instagram, ApplyConditionTo.CurrentValidator)
            .WithMessage("X, Facebook and Instagram account ids are numbers (the page id, Instagram account id or X user id).");
        RuleFor(x => x.Department).NotNull().WithMessage("Say who owns the account: marketing/PR or customer service.").IsInEnum();
        RuleFor(x => x.AppSecret).MaximumLength(500);
        RuleFor(x => x.VerifyToken).MaximumLength(500);
        RuleFor(x => x.AccessToken).MaximumLength(2000);
    }
}

/// <summary>Creates or updates a brand's channel account; secrets are encrypted before they are stored.</summary>
public sealed class SaveChannelAccount(
    IDbContextFactory<AgencyDbContext> dbs,
    ChannelSecrets secrets,
    TimeProvider clock,
    ILogger<SaveChannelAccount> log
)
{
    private static readonly ChannelAccountInputValidator Validator = new();

    public async Task<Outcome<ChannelAccount>> HandleAsync(ChannelAccountInput input, CancellationToken ct = default)
    {
        input.Handle = ChannelAccount.NormalizeHandle(input.Handle);
        input.ExternalAccountId = input.ExternalAccountId.Trim();
        var validation = await Validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
            return Outcome<ChannelAccount>.Invalid(validation);

        await using var db = await dbs.CreateDbContextAsync(ct);
        if (
            await db.ChannelAccounts.AnyAsync(
                a => a.Network == input.Network && a.ExternalAccountId == input.ExternalAccountId && a.Id != input.Id,
                ct
            )
        )
            return Outcome<ChannelAccount>.Invalid(nameof(input.ExternalAccountId), "This brand already has this account.");

        ChannelAccount? account;
        if (input.Id is { } id)
        {
            account = await db.ChannelAccounts.SingleOrDefaultAsync(a => a.Id == id, ct);
            if (account is null)
                return Outcome<ChannelAccount>.Invalid("", "This account no longer exists.");
        }
        else
        {
            account = new ChannelAccount
            {
                Handle = input.Handle,
                ExternalAccountId = input.ExternalAccountId,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.ChannelAccounts.Add(account);
        }
        account.Network = input.Network!.Value;
        account.Handle = input.Handle;
        account.ExternalAccountId = input.ExternalAccountId;
        account.Department = input.Department!.Value;
        account.IsActive = input.IsActive;
        if (!string.IsNullOrWhiteSpace(input.AppSecret))
            account.AppSecretProtected = secrets.Protect(input.AppSecret.Trim());
        if (!string.IsNullOrWhiteSpace(input.VerifyToken))
            account.VerifyTokenProtected = secrets.Protect(input.VerifyToken.Trim());
        if (!string.IsNullOrWhiteSpace(input.AccessToken))
            account.AccessTokenProtected = secrets.Protect(input.AccessToken.Trim());
        return await db.SaveAsync(account, nameof(input.ExternalAccountId), "This brand already has this account.", log, ct);
    }
}
