using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.Identity;

public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>No host means there is no mail server: links are logged and shown to the inviting admin.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "no-reply@agency.local";

    /// <summary>Run <see cref="Mail.LocalMailSink"/> on loopback at <see cref="Port"/> (0: a free port; development and tests): mail is kept in <see cref="SinkDirectory"/>, never sent on.</summary>
    public bool Sink { get; set; }
    public string SinkDirectory { get; set; } = "data/mail";
}

/// <summary>A file sent with a message (a report PDF).</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Sends mail to people: invitations, monthly reports.</summary>
public interface IMailSender
{
    /// <summary>True when mail really leaves the system; false when it is only logged.</summary>
    bool Delivers { get; }
    Task SendAsync(string to, string subject, string body, CancellationToken ct = default) => SendAsync(to, subject, body, [], ct);
    Task SendAsync(string to, string subject, string body, IReadOnlyList<MailAttachment> attachments, CancellationToken ct = default);
}

/// <summary>
/// SMTP delivery when a host is configured; otherwise the message is written to the log. With the local sink running,
/// mail goes to the port it listens on (the configured one, or the one the system chose for port 0).
/// </summary>
public sealed class SmtpMailSender(IOptions<SmtpOptions> options, ILogger<SmtpMailSender> logger, Mail.LocalMailSink? sink = null)
    : IMailSender
{
    public bool Delivers => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task SendAsync(
        string to,
        string subject,
        string body,
        IReadOnlyList<MailAttachment> attachments,
        CancellationToken ct = default
    )
    {
        var o = options.Value;
        if (!Delivers)
        {
            logger.LogInformation(
                "Mail not sent (no SMTP host configured). To: {To}; Subject: {Subject}; Body: {Body}; Attachments: {Attachments}",
                to,
                subject,
                body,
                attachments.Count
            );
            return;
        }
        using var client = new SmtpClient(o.Host, sink is { Port: > 0 } ? sink.Port : o.Port) { EnableSsl = o.EnableSsl };
        if (!string.IsNullOrEmpty(o.UserName))
            client.Credentials = new NetworkCredential(o.UserName, o.Password);
        using var message = new MailMessage(o.From, to, subject, body);
        foreach (var a in attachments)
            message.Attachments.Add(new Attachment(new MemoryStream(a.Content), a.FileName, a.ContentType));
        await client.SendMailAsync(message, ct);
        logger.LogInformation("Mail sent to {To}: {Subject}", to, subject);
    }
}
