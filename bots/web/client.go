package web

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// clientKey is the rate-limit identity of the request's sender: its IP
// address, or for IPv6 its /64, since one host can use a whole /64 and
// would otherwise get a fresh bucket per address.
//
// With trustProxy the address is the last X-Forwarded-For entry, which the
// proxy in front of us appended; the entries before it are whatever the
// client claimed. Without a valid one, the TCP peer address is used.
func clientKey(r *http.Request, trustProxy bool) string {
	if trustProxy {
		if xff := r.Header.Values("X-Forwarded-For"); len(xff) > 0 {
			last := xff[len(xff)-1]
			if i := strings.LastIndexByte(last, ','); i >= 0 {
				last = last[i+1:]
			}
			if addr, err := netip.ParseAddr(strings.TrimSpace(last)); err == nil {
				return addrKey(addr)
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if addr, err := netip.ParseAddr(host); err == nil {
		return addrKey(addr)
	}
	return host
}

func addrKey(addr netip.Addr) string {
	addr = addr.Unmap().WithZone("")
	if addr.Is6() {
		return netip.PrefixFrom(addr, 64).Masked().String()
	}
	return addr.String()
}
