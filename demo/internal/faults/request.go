package faults

import "context"

// Some faults act inside the request path rather than beside it (lock contention, blocking
// syscalls). Their files register a hook with registerRequestHook in init; handlers call
// InRequest once per request. Every hook must be cheap while its fault is off.
var requestHooks []func(ctx context.Context) error

func registerRequestHook(h func(ctx context.Context) error) {
	requestHooks = append(requestHooks, h)
}

// InRequest runs the request-path side of the faults, in registration order. An error means the
// request was cancelled while a fault held it up.
func InRequest(ctx context.Context) error {
	for _, h := range requestHooks {
		if err := h(ctx); err != nil {
			return err
		}
	}
	return nil
}
