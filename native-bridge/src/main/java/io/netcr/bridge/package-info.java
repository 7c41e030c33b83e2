/** The kernel, through jnr-ffi: netlink, namespaces, discovery and execution of restore plans. No JavaFX. */
package io.netcr.bridge;
