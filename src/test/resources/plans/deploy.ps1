<#
  Contoso CRM for Outlook: rollout to Sales.
  Run after Connect-OrganizationAddInService.
#>
Import-Module -Name O365CentralizedAddInDeployment
Connect-OrganizationAddInService

$productId = '6a75788e-1c6b-4e9b-b5db-5975a2072122'

# Sales gets the add-in (the group, and two people by name).
Set-OrganizationAddInAssignments -ProductId $productId `
    -Add `
    -Members 'sales@contoso.com', 'kathy@contoso.com',
             'max@contoso.com'

$assign = @{
    ProductId = $productId
    Add       = $true
    Members   = @('bert@contoso.com'
                  'nobody@contoso.com')
}
Set-OrganizationAddInAssignments @assign   # late joiners

# Everyone in the pilot file.
foreach ($upn in Get-Content .\pilot.txt) {
    Set-OrganizationAddInAssignments -ProductId $productId -Add -Members $upn
}

Get-OrganizationAddIn -ProductId $productId | Format-List
Set-OrganizationAddIn -ProductId $productId -Enabled:$true; Set-OrganizationAddInAssignments -ProductId $productId -Remove -Members "megan@contoso.com"
