using System.Text;

namespace ApGrid.Server.Tests.Gias;

/// <summary>A links file in GIAS's shape: the published header, URNs bare, the rest quoted.</summary>
internal sealed class GiasLinksText
{
    private readonly StringBuilder text = new("\"URN\",\"LinkURN\",\"LinkName\",\"LinkType\",\"LinkEstablishedDate\"\r\n");

    public GiasLinksText Add(string urn, string linkUrn, string linkType, string linkName = "Linked school")
    {
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{urn},{linkUrn},\"{linkName}\",\"{linkType}\",\"\"\r\n");
        return this;
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(text.ToString());
}
