namespace ApGrid.Gateway;

/// <summary>How the gateway speaks to its nodes.</summary>
public enum NodeProtocol
{
    /// <summary>
    /// HTTP/2 without TLS to each node's Node:Http2Url: requests share a few connections. Right when
    /// the destinations are the nodes themselves.
    /// </summary>
    Http2,

    /// <summary>
    /// HTTP/1.1 to the nodes' own URLs, a connection per request in flight. Right behind a
    /// connection-level load balancer (a Kubernetes Service), which would send a gateway's few
    /// HTTP/2 connections, and so all of its traffic, to one node.
    /// </summary>
    Http1,
}
