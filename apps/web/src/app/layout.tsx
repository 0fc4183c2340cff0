import { Suspense, useState } from "react";
import { NavLink, Outlet, useLocation } from "react-router";
import { ErrorBoundary } from "../components/error-boundary.tsx";
import { Loading } from "../components/feedback.tsx";
import { useMessages } from "../i18n/define-messages.ts";
import { commonMessages } from "../i18n/common-messages.ts";
import { LanguageSwitch } from "./language-switch.tsx";
import { navRoutes } from "./page-registry.ts";
import { useSession } from "./session.tsx";

/** The frame of every signed-in page: header, navigation, language switch and the page. */
export function Layout() {
  const { t, locale } = useMessages(commonMessages);
  const session = useSession();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const user = session.me.user;
  const entries = navRoutes.filter((route) => !route.permission || session.can(route.permission));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="topbar">
        <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen(!menuOpen)}>
          {t("app.menu")}
        </button>
        <span className="brand">{t("app.name")}</span>
        <div className="topbar-end">
          <LanguageSwitch signedIn />
          {user && (
            <span className="who" title={t("signedInAs", { name: user.name, role: t(`roles.${user.role}`) })}>
              {user.name}
            </span>
          )}
          <button type="button" className="button button-quiet" onClick={() => void session.signOut()}>
            {t("signOut")}
          </button>
        </div>
      </header>
      <nav id="main-nav" className={`sidenav${menuOpen ? " open" : ""}`} aria-label={t("app.mainNav")}>
        <ul>
          {entries.map((route) => (
            <li key={route.path}>
              <NavLink to={`/${route.path}`} onClick={() => setMenuOpen(false)}>
                {route.nav.label[locale]}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <ErrorBoundary key={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
