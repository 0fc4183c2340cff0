import { Suspense } from "react";
import { createBrowserRouter, Navigate, RouterProvider } from "react-router";
import { Loading } from "../components/feedback.tsx";
import { SignInPage } from "../pages/sign-in/sign-in-page.tsx";
import { Layout } from "./layout.tsx";
import { NotFoundPage } from "./not-found-page.tsx";
import { pageRoutes } from "./page-registry.ts";
import { SessionProvider, useSessionControl } from "./session.tsx";

const router = createBrowserRouter([
  {
    path: "/",
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/dashboard" replace /> },
      ...pageRoutes.map((route) => ({ path: route.path, Component: route.component })),
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);

/** Signed out, every address shows the sign-in form; after signing in the same address opens. */
function Gate() {
  const { state } = useSessionControl();
  if (state.status === "checking") return <Loading />;
  if (state.status === "signed-out") return <SignInPage />;
  return (
    <Suspense fallback={<Loading />}>
      <RouterProvider router={router} />
    </Suspense>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}
